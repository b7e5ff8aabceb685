package com.ventusvault.payments.escrow;

import java.math.BigDecimal;

/** A {@code createEscrow} request as the client sent it; {@link EscrowCreation} validates it. */
public record CreateEscrow(String fromWalletId, String toWalletId, String toEmail, BigDecimal amount, String description,
                           Integer expiresInMinutes, String idempotencyKey) {
}
