package com.ventusvault.payments.domain;

/**
 * What a ledger account is for. Only system accounts may go negative: the demo bank is where deposited money comes
 * from, so its balance is minus everything ever deposited.
 */
public enum AccountKind {
    /** A user's wallet in one currency; never negative. */
    USER_WALLET(false),
    /** Fees the platform earned, one per currency. */
    FEE_REVENUE(false),
    /** Funding source of demo deposits, one per currency; may go negative. */
    DEMO_BANK(true),
    /** Money held for pending escrows (reserved for the escrow feature). */
    ESCROW_HOLDING(false),
    /** Money in flight with a payout provider (reserved for payouts). */
    PROVIDER_CLEARING(true),
    /** The platform's inventory for currency exchange (reserved for trades). */
    FX_LIQUIDITY(true);

    private final boolean mayGoNegative;

    AccountKind(boolean mayGoNegative) {
        this.mayGoNegative = mayGoNegative;
    }

    public boolean mayGoNegative() {
        return mayGoNegative;
    }
}
