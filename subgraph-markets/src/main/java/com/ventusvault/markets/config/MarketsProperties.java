package com.ventusvault.markets.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The simulated market feed ({@code ventus.markets.*}). Bad values fail at startup.
 *
 * @param tickInterval       how often prices move and are persisted; a quote older than three intervals is {@code stale}
 * @param seed               seed of the random walk; set it for a reproducible path (tests do), leave it unset for a
 *                           different path each run
 * @param historyRetention   how long persisted ticks are kept; older ones are deleted by a periodic cleanup
 * @param cleanupInterval    how often that cleanup runs
 * @param defaultPairs       what {@code rates} returns when called without {@code pairs}
 * @param maxPairsPerRequest most pairs one {@code rates} call may ask for; more is a LIMIT_EXCEEDED error
 * @param source             where prices come from: {@code simulated} (default, no network) or {@code xchange} (a
 *                           real exchange, settings under {@code xchange}; poll it every {@code tick-interval}, e.g. 5s)
 * @param xchange            the exchange used when {@code source} is {@code xchange}
 */
@ConfigurationProperties("ventus.markets")
public record MarketsProperties(
        @DefaultValue("1s") Duration tickInterval,
        Long seed,
        @DefaultValue("6h") Duration historyRetention,
        @DefaultValue("10m") Duration cleanupInterval,
        @DefaultValue({"BTC/USD", "ETH/USD", "SOL/USD", "BTC/USDT", "ETH/USDT", "SOL/USDT", "USDT/USD", "USDC/USD",
                "EUR/USD", "GBP/USD", "USD/NGN", "USDT/NGN", "BTC/NGN"}) List<String> defaultPairs,
        @DefaultValue("100") int maxPairsPerRequest,
        @DefaultValue("simulated") String source,
        @DefaultValue Xchange xchange) {

    /**
     * @param exchange which exchange (supported: {@code kraken})
     * @param baseUrl  its public REST API
     * @param timeout  how long one poll of every ticker may take before the tick counts as failed
     */
    public record Xchange(@DefaultValue("kraken") String exchange, @DefaultValue("https://api.kraken.com") URI baseUrl,
                          @DefaultValue("5s") Duration timeout) {
    }

    public MarketsProperties {
        if (!source.equals("simulated") && !source.equals("xchange")) {
            throw new IllegalArgumentException("ventus.markets.source must be simulated or xchange, got " + source);
        }
        requirePositive("tick-interval", tickInterval);
        requirePositive("history-retention", historyRetention);
        requirePositive("cleanup-interval", cleanupInterval);
        if (maxPairsPerRequest < 1) {
            throw new IllegalArgumentException("ventus.markets.max-pairs-per-request must be at least 1, got " + maxPairsPerRequest);
        }
        defaultPairs = List.copyOf(defaultPairs);
    }

    /** The staleness threshold: three missed ticks. */
    public Duration staleAfter() {
        return tickInterval.multipliedBy(3);
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("ventus.markets." + name + " must be a positive duration, got " + value);
        }
    }
}
