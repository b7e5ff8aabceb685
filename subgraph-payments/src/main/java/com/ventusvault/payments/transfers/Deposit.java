package com.ventusvault.payments.transfers;

import java.math.BigDecimal;

/** A {@code deposit} request as the client sent it; {@link TransferService} validates it. */
public record Deposit(String walletId, BigDecimal amount, String idempotencyKey) {
}
