package com.ventusvault.payments.domain;

import java.util.Objects;

/**
 * A fee split by who earns it: the platform, the payment provider (payouts, provider deposits) and the network (chain
 * fees, reserved). All three are in the transfer's currency and never negative; {@link #total()} is what the payer
 * is charged on top of the amount, and what {@code transfer.fee} stores (the database checks the sum).
 */
public record Fees(Money platform, Money provider, Money network) {

    public Fees {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(network, "network");
        if (provider.currency() != platform.currency() || network.currency() != platform.currency()) {
            throw new IllegalArgumentException("Fee parts must share one currency, got " + platform + ", " + provider
                    + ", " + network);
        }
        if (platform.isNegative() || provider.isNegative() || network.isNegative()) {
            throw new IllegalArgumentException("Fees are never negative, got " + platform + ", " + provider + ", " + network);
        }
    }

    /** No fee at all. */
    public static Fees none(Currency currency) {
        return new Fees(Money.zero(currency), Money.zero(currency), Money.zero(currency));
    }

    /** A fee earned by the platform alone. */
    public static Fees platformOnly(Money platform) {
        return new Fees(platform, Money.zero(platform.currency()), Money.zero(platform.currency()));
    }

    /** These fees with the provider's part replaced (a payout quote adds the chosen provider's charge). */
    public Fees withProvider(Money providerFee) {
        return new Fees(platform, providerFee, network);
    }

    /** What the payer is charged on top of the amount. */
    public Money total() {
        return platform.plus(provider).plus(network);
    }

    public Currency currency() {
        return platform.currency();
    }
}
