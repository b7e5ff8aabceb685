package com.ventusvault.payments.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The outbox relay ({@code ventus.payments.relay.*}).
 *
 * @param enabled      whether the relay runs (subscriptions receive nothing without it)
 * @param pollInterval how often it looks for events without being notified (a lost notification, a dropped listening
 *                     connection): the worst-case delay of an event
 * @param gapRecheck   how soon it looks again while an id below a committed one is held by a transaction still open
 * @param batchSize    most events read at once
 */
@ConfigurationProperties("ventus.payments.relay")
public record RelayProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("20ms") Duration gapRecheck,
        @DefaultValue("500") int batchSize) {

    public RelayProperties {
        if (pollInterval.isNegative() || pollInterval.isZero() || gapRecheck.isNegative() || gapRecheck.isZero()) {
            throw new IllegalArgumentException("ventus.payments.relay.poll-interval and gap-recheck must be positive");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("ventus.payments.relay.batch-size must be at least 1, got " + batchSize);
        }
    }
}
