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
 * @param maxGapWait   longest wait for a transaction that wrote to {@code outbox_event} and is still open while a later
 *                     event is visible; past it, its ids are passed over with a warning (its events are not relayed)
 */
@ConfigurationProperties("ventus.payments.relay")
public record RelayProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("20ms") Duration gapRecheck,
        @DefaultValue("500") int batchSize,
        @DefaultValue("30s") Duration maxGapWait) {

    public RelayProperties {
        if (pollInterval.isNegative() || pollInterval.isZero() || gapRecheck.isNegative() || gapRecheck.isZero()
                || maxGapWait.isNegative() || maxGapWait.isZero()) {
            throw new IllegalArgumentException(
                    "ventus.payments.relay.poll-interval, gap-recheck and max-gap-wait must be positive");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("ventus.payments.relay.batch-size must be at least 1, got " + batchSize);
        }
    }
}
