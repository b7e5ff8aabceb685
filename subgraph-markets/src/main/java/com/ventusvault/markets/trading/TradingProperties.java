package com.ventusvault.markets.trading;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Quotes and trades ({@code ventus.markets.trading.*}). Bad values fail at startup.
 *
 * @param quoteTtl        how long a quote's price holds
 * @param feeRate         share of the sold amount charged as fee, in the sell currency, on top of it, in [0, 0.1]
 * @param paymentsUrl     base URL of payments, which posts trades ({@code POST /internal/trades})
 * @param paymentsTimeout how long to wait for payments' answer before telling the client PAYMENTS_UNAVAILABLE
 * @param resumeAfter     how old an unanswered (INITIATED) trade must be before the background re-drive asks again
 */
@ConfigurationProperties("ventus.markets.trading")
public record TradingProperties(
        @DefaultValue("30s") Duration quoteTtl,
        @DefaultValue("0.005") BigDecimal feeRate,
        @DefaultValue("http://localhost:4002") URI paymentsUrl,
        @DefaultValue("5s") Duration paymentsTimeout,
        @DefaultValue("10s") Duration resumeAfter) {

    public TradingProperties {
        if (quoteTtl.isNegative() || quoteTtl.isZero() || paymentsTimeout.isNegative() || paymentsTimeout.isZero()
                || resumeAfter.isNegative() || resumeAfter.isZero()) {
            throw new IllegalArgumentException("ventus.markets.trading durations must be positive");
        }
        if (feeRate.signum() < 0 || feeRate.compareTo(new BigDecimal("0.1")) > 0) {
            throw new IllegalArgumentException("ventus.markets.trading.fee-rate must be in [0, 0.1], got " + feeRate);
        }
    }
}
