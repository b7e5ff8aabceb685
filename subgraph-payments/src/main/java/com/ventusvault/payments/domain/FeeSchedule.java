package com.ventusvault.payments.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What VentusVault charges per kind of transfer, as a {@link Fees} breakdown. The platform's part is
 * {@code amount × rate} rounded UP to the currency's scale (through {@link Currency#roundUp(BigDecimal)}, the one
 * rounding point), paid on top of the amount: with a positive rate no payment is free (1.00 USD at 0.5% pays
 * 0.01 USD). P2P uses {@code p2pRate}, ESCROW {@code escrowRate}, PAYOUT {@code payoutRate} (the provider's part is
 * added by the provider's pricing, not here); deposits, trades and fee transfers are free.
 */
public record FeeSchedule(BigDecimal p2pRate, BigDecimal escrowRate, BigDecimal payoutRate) {

    /** The default escrow rate (0.5%). */
    public static final BigDecimal DEFAULT_ESCROW_RATE = new BigDecimal("0.005");
    /** The default platform rate of payouts (0.25%). */
    public static final BigDecimal DEFAULT_PAYOUT_RATE = new BigDecimal("0.0025");

    public FeeSchedule {
        requireRate("P2P", p2pRate);
        requireRate("escrow", escrowRate);
        requireRate("payout", payoutRate);
    }

    /** A schedule with only the P2P rate chosen (escrow and payout at their defaults). */
    public FeeSchedule(BigDecimal p2pRate) {
        this(p2pRate, DEFAULT_ESCROW_RATE, DEFAULT_PAYOUT_RATE);
    }

    /** The fees of moving {@code amount} as a {@code kind} transfer (for PAYOUT: the platform's part only). */
    public Fees quote(TransferKind kind, Money amount) {
        return switch (kind) {
            case P2P -> Fees.platformOnly(amount.currency().roundUp(amount.amount().multiply(p2pRate)));
            case ESCROW -> Fees.platformOnly(amount.currency().roundUp(amount.amount().multiply(escrowRate)));
            case PAYOUT -> Fees.platformOnly(amount.currency().roundUp(amount.amount().multiply(payoutRate)));
            case DEPOSIT, TRADE, FEE -> Fees.none(amount.currency());
        };
    }

    /** {@code quote(kind, amount).total()}. */
    public Money feeFor(TransferKind kind, Money amount) {
        return quote(kind, amount).total();
    }

    private static void requireRate(String name, BigDecimal rate) {
        Objects.requireNonNull(rate, name + " rate");
        if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("The " + name + " fee rate must be in [0, 1), got " + rate.toPlainString());
        }
    }
}
