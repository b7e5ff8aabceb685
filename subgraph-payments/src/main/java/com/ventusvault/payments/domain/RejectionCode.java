package com.ventusvault.payments.domain;

/** The business reasons a money movement is refused; each is returned to the client as a {@code userErrors} code. */
public enum RejectionCode {
    /** The paying wallet's balance does not cover amount plus fee. */
    INSUFFICIENT_FUNDS,
    /** No such wallet, or it belongs to someone else (the two are not told apart, so existence does not leak). */
    WALLET_NOT_FOUND,
    /** The two wallets hold different currencies. */
    CURRENCY_MISMATCH,
    /** Paying a wallet into itself. */
    SAME_WALLET,
    /** No user has the recipient email. */
    RECIPIENT_NOT_FOUND,
    /** The idempotency key was already used for a different request. */
    IDEMPOTENCY_KEY_REUSED,
    /** The hold is past its expiry (server clock), or was expired by the sweep. */
    HOLD_EXPIRED,
    /** The hold was already posted, voided or expired: a hold is resolved at most once. */
    HOLD_ALREADY_RESOLVED,
    /** The amount is above the per-transfer maximum, or would take the wallet over its rolling 24 h outgoing limit. */
    LIMIT_EXCEEDED,
    /** No escrow with that id that the caller may see (unknown and foreign escrows look the same). */
    ESCROW_NOT_FOUND,
    /** The escrow was already resolved the other way (released, cancelled or expired). */
    ESCROW_ALREADY_RESOLVED,
    /** The escrow's time ran out before the request: it has been (or now is) refunded to the payer. */
    ESCROW_EXPIRED,
    /** Only the payer may release an escrow. */
    NOT_ESCROW_PAYER,
    /** Only the payer or the payee may cancel an escrow. */
    NOT_ESCROW_PARTY,
    /** The payout provider says the bank account does not exist (payouts). */
    INVALID_BANK_ACCOUNT,
    /** No payment provider could take the request now (all unavailable or their breakers open). */
    PROVIDER_UNAVAILABLE,
    /** The payment provider refused the request for a reason retrying will not fix. */
    PROVIDER_REJECTED
}
