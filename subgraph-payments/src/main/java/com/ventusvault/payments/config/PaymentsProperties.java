package com.ventusvault.payments.config;

import com.ventusvault.payments.domain.AmountCheck;
import com.ventusvault.payments.domain.Currency;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the payments subgraph ({@code ventus.payments.*}).
 *
 * @param demoFunding     whether {@code deposit} may fund wallets from the demo bank (default false: {@code deposit}
 *                        fails with FORBIDDEN); the demo stack and tests that deposit turn it on
 * @param accountsUrl     base URL of accounts, which serves {@code POST /internal/users/lookup} for
 *                        {@code sendMoney(toEmail)}; when it times out, is unreachable or answers 5xx, such a send
 *                        fails with INTERNAL "accounts is unavailable; retry with the same idempotencyKey", and
 *                        when it refuses the forwarded token (401), with UNAUTHENTICATED
 * @param accountsTimeout how long an email lookup may take
 * @param fees            the fee schedule
 * @param holds           two-phase holds: default time to live and how often expired ones are swept
 * @param limits          outgoing limits per wallet and currency (LIMIT_EXCEEDED)
 */
@ConfigurationProperties("ventus.payments")
public record PaymentsProperties(
        @DefaultValue("false") boolean demoFunding,
        @DefaultValue("http://localhost:4001") URI accountsUrl,
        @DefaultValue("3s") Duration accountsTimeout,
        @DefaultValue Fees fees,
        @DefaultValue Holds holds,
        @DefaultValue Limits limits) {

    /**
     * @param p2pRate    share of a P2P amount charged as fee (0.005 = 0.5%), in [0, 1); anything else fails startup
     * @param escrowRate platform fee rate of escrows, same rules
     * @param payoutRate platform part of a payout fee (the provider's part comes from its pricing), same rules
     */
    public record Fees(@DefaultValue("0.005") BigDecimal p2pRate, @DefaultValue("0.005") BigDecimal escrowRate,
                       @DefaultValue("0.0025") BigDecimal payoutRate) {
    }

    /**
     * @param defaultTtl    how long a hold stays PENDING unless the caller says otherwise (then it expires)
     * @param sweepInterval how often PENDING holds past their expiry are marked EXPIRED
     */
    public record Holds(@DefaultValue("30m") Duration defaultTtl, @DefaultValue("10s") Duration sweepInterval) {
    }

    /**
     * Outgoing limits, checked under the wallet's lock for P2P payments (and by escrow and payouts through
     * {@code persistence.OutgoingLimits}): at most {@code perTransfer} in one transfer and at most {@code daily} leaving
     * one wallet in any rolling 24 hours (transfers that failed, expired or were compensated do not count).
     *
     * @param enabled    false turns every limit off (benchmarks)
     * @param currencies limits per currency, overriding {@link #DEFAULTS} field by field; currencies in neither have
     *                   no practical limit (10^15)
     */
    public record Limits(@DefaultValue("true") boolean enabled, Map<Currency, Limit> currencies) {

        /** USD EUR GBP 10,000 per transfer / 25,000 a day; NGN 5,000,000 / 10,000,000; stablecoins like USD. */
        public static final Map<Currency, Limit> DEFAULTS = Map.of(
                Currency.USD, Limit.of("10000", "25000"), Currency.EUR, Limit.of("10000", "25000"),
                Currency.GBP, Limit.of("10000", "25000"), Currency.NGN, Limit.of("5000000", "10000000"),
                Currency.USDT, Limit.of("10000", "25000"), Currency.USDC, Limit.of("10000", "25000"));

        public Limits {
            currencies = currencies == null ? Map.of() : Map.copyOf(currencies);
        }

        /** The effective limit of a currency: configured, else default, else no practical limit. */
        public Limit of(Currency currency) {
            Limit fallback = DEFAULTS.getOrDefault(currency, new Limit(AmountCheck.MAX_AMOUNT, AmountCheck.MAX_AMOUNT));
            Limit configured = currencies.get(currency);
            if (configured == null) {
                return fallback;
            }
            return new Limit(configured.perTransfer() != null ? configured.perTransfer() : fallback.perTransfer(),
                    configured.daily() != null ? configured.daily() : fallback.daily());
        }
    }

    /**
     * @param perTransfer the most one transfer may move (null: the default)
     * @param daily       the most that may leave one wallet in any rolling 24 hours (null: the default)
     */
    public record Limit(BigDecimal perTransfer, BigDecimal daily) {

        static Limit of(String perTransfer, String daily) {
            return new Limit(new BigDecimal(perTransfer), new BigDecimal(daily));
        }
    }
}
