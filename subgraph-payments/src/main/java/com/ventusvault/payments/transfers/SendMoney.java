package com.ventusvault.payments.transfers;

import java.math.BigDecimal;

/** A {@code sendMoney} request as the client sent it; {@link TransferService} validates it. */
public record SendMoney(String fromWalletId, String toWalletId, String toEmail, BigDecimal amount, String idempotencyKey,
                        String note) {
}
