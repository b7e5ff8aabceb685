package com.ventusvault.payments.config;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
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
 */
@ConfigurationProperties("ventus.payments")
public record PaymentsProperties(
        @DefaultValue("false") boolean demoFunding,
        @DefaultValue("http://localhost:4001") URI accountsUrl,
        @DefaultValue("3s") Duration accountsTimeout,
        @DefaultValue Fees fees,
        @DefaultValue Holds holds) {

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
}
