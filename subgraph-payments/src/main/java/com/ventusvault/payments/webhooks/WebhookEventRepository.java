package com.ventusvault.payments.webhooks;

import com.ventusvault.payments.providers.ProviderEvent;
import java.time.Clock;
import java.time.ZoneOffset;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** {@code provider_webhook_event} (V4): one row per (provider, event id), claimed before the event's effect. */
@Repository
class WebhookEventRepository {

    private final DatabaseClient database;
    private final Clock clock;

    WebhookEventRepository(DatabaseClient database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Records the event as being handled; {@code false} when it was recorded before (a replay). A concurrent delivery
     * of the same event waits here for the first transaction and then gets {@code false}.
     */
    Mono<Boolean> claim(ProviderEvent event) {
        return database.sql("insert into provider_webhook_event (provider, event_id, event_type, reference, received_at, "
                        + "outcome) values (:provider, :eventId, :type, :reference, :at, 'RECEIVED') "
                        + "on conflict (provider, event_id) do nothing returning event_id")
                .bind("provider", event.provider().name()).bind("eventId", event.eventId())
                .bind("type", event.type().name()).bind("reference", event.reference())
                .bind("at", clock.instant().atOffset(ZoneOffset.UTC))
                .map(row -> row.get("event_id", String.class)).one().hasElement();
    }

    Mono<Void> recordOutcome(ProviderEvent event, String outcome) {
        return database.sql("update provider_webhook_event set outcome = :outcome where provider = :provider "
                        + "and event_id = :eventId")
                .bind("outcome", outcome).bind("provider", event.provider().name()).bind("eventId", event.eventId())
                .then();
    }
}
