package com.ventusvault.accounts.paymentevents;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How accounts follows payments' outbox ({@code ventus.accounts.payment-events.*}).
 *
 * @param enabled      whether to follow it at all (default true)
 * @param schema       the PostgreSQL schema holding payments' {@code outbox_event} table, in the same database
 *                     (default {@code payments}); a plain lower-case identifier, else startup fails
 * @param pollInterval how often to look for events when no notification came on channel {@code ventus_outbox}
 *                     (default 2s; notifications make it near-immediate)
 * @param batchSize    events read and handled per transaction (default 200)
 * @param gapTimeout   how long a missing event id may hold the consumer back before it is taken for a rolled-back
 *                     insert and skipped (default 10s). Ids are taken in order; a transaction that took a lower id may
 *                     commit after one with a higher id, so a gap is first waited for, never skipped at once
 */
@ConfigurationProperties("ventus.accounts.payment-events")
public record PaymentEventsProperties(@DefaultValue("true") boolean enabled, @DefaultValue("payments") String schema,
                                      @DefaultValue("2s") Duration pollInterval, @DefaultValue("200") int batchSize,
                                      @DefaultValue("10s") Duration gapTimeout) {

    public PaymentEventsProperties {
        if (!schema.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("ventus.accounts.payment-events.schema must be a plain lower-case "
                    + "PostgreSQL identifier, got '" + schema + "'");
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("ventus.accounts.payment-events.poll-interval must be positive");
        }
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("ventus.accounts.payment-events.batch-size must be 1 to 10000");
        }
        if (gapTimeout.isNegative()) {
            throw new IllegalArgumentException("ventus.accounts.payment-events.gap-timeout must not be negative");
        }
    }
}
