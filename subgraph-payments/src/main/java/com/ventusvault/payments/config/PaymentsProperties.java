package com.ventusvault.payments.config;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the payments subgraph ({@code ventus.payments.*}).
 *
 * @param demoFunding     whether {@code deposit} may fund wallets from the demo bank; on for demos and tests,
 *                        production sets {@code false}, and {@code deposit} then fails with FORBIDDEN
 * @param accountsUrl     base URL of accounts, which serves {@code POST /internal/users/lookup} for
 *                        {@code sendMoney(toEmail)}; when unreachable, such a send fails with INTERNAL
 * @param accountsTimeout how long an email lookup may take
 * @param fees            the fee schedule
 */
@ConfigurationProperties("ventus.payments")
public record PaymentsProperties(
        @DefaultValue("true") boolean demoFunding,
        @DefaultValue("http://localhost:4001") URI accountsUrl,
        @DefaultValue("3s") Duration accountsTimeout,
        @DefaultValue Fees fees) {

    /**
     * @param p2pRate share of a P2P amount charged as fee (0.005 = 0.5%), in [0, 1); anything else fails startup
     */
    public record Fees(@DefaultValue("0.005") BigDecimal p2pRate) {
    }
}
