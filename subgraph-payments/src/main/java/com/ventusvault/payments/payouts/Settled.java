package com.ventusvault.payments.payouts;

/**
 * What an attempt to settle a provider-backed transfer (payout or provider deposit) did; recorded as the outcome of
 * the webhook event that asked for it.
 */
public enum Settled {
    /** The money moved: the payout was debited, or the deposit credited. */
    COMPLETED,
    /** The payout failed and its hold was voided: nothing debited. */
    COMPENSATED,
    /** The transfer failed and there was nothing to release (no hold, or a deposit). */
    FAILED,
    /** The payout's hold expired before it was sent. */
    EXPIRED,
    /** A completed payout was reversed by the provider: its amount was refunded to the wallet. */
    REFUNDED,
    /** Someone else (a webhook, a status check, a replay) settled it first: nothing changed. */
    ALREADY_SETTLED,
    /**
     * Left as it was for a person to look at (a failure reported for a COMPLETED payout, a reversal from a provider
     * that did not pay it): logged.
     */
    NEEDS_REVIEW
}
