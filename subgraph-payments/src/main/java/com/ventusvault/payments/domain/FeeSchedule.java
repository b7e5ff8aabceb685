package com.ventusvault.payments.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What VentusVault charges per kind of transfer. A P2P fee is {@code amount × p2pRate} rounded UP to the currency's
 * scale (through {@link Currency#roundUp(BigDecimal)}, the one rounding point), paid by the sender on top of the
 * amount: with a positive rate no payment is free (1.00 USD at 0.5% pays 0.01 USD). Deposits are free.
 */
public record FeeSchedule(BigDecimal p2pRate) {

    public FeeSchedule {
        Objects.requireNonNull(p2pRate, "p2pRate");
        if (p2pRate.signum() < 0 || p2pRate.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("The P2P fee rate must be in [0, 1), got " + p2pRate.toPlainString());
        }
    }

    public Money feeFor(TransferKind kind, Money amount) {
        return switch (kind) {
            case P2P -> amount.currency().roundUp(amount.amount().multiply(p2pRate));
            case DEPOSIT, PAYOUT, TRADE, ESCROW, FEE -> Money.zero(amount.currency());
        };
    }
}
