package com.ventusvault.payments.audit;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Writes {@link AuditRecorded} events to the outbox, in the caller's transaction, attributed to the
 * {@link AuditOrigin} of the running work. Postings write theirs in the transfer's own statement instead
 * ({@code TransferRepository.insert} with an audit event: no extra round trip on the P2P path).
 */
@Component
public class AuditOutbox {

    private final DatabaseClient database;
    private final Clock clock;

    public AuditOutbox(DatabaseClient database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** The event for {@code action} on {@code target}, by whoever is running now (not yet written). */
    public Mono<AuditRecorded> event(String action, String target, Map<String, Object> details) {
        return AuditOrigin.current().map(origin -> new AuditRecorded(origin, action, target,
                clock.instant().truncatedTo(ChronoUnit.MICROS), details));
    }

    /** Appends the event for {@code action} on {@code target} to the outbox. */
    public Mono<Void> record(String action, String target, Map<String, Object> details) {
        return event(action, target, details).flatMap(event -> database.sql("insert into outbox_event "
                        + "(aggregate_type, aggregate_id, event_type, payload) values (:type, :target, :event, "
                        + "cast(:payload as jsonb))")
                .bind("type", AuditRecorded.AGGREGATE_TYPE).bind("target", event.target())
                .bind("event", AuditRecorded.EVENT_TYPE).bind("payload", event.payload())
                .then());
    }
}
