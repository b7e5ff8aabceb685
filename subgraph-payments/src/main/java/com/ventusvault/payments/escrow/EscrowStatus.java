package com.ventusvault.payments.escrow;

/** Where an escrow is; mirrors the {@code EscrowStatus} enum of the payments SDL. Only HELD ever changes. */
public enum EscrowStatus {
    /** The money is in ESCROW_HOLDING. */
    HELD,
    /** Paid to the payee (the fee went to fee revenue). */
    RELEASED,
    /** Refunded to the payer, fee included, at the payer's or payee's request. */
    CANCELLED,
    /** Refunded to the payer, fee included, because it was not released before {@code expiresAt}. */
    EXPIRED
}
