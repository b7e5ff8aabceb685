package com.ventusvault.accounts.paymentevents;

import java.time.Duration;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Payments' outbox as accounts sees it in tests: the {@code payments.outbox_event} table with payments' columns and
 * its commit-time notification (the accounts test database has no payments app), and a way to append events.
 */
final class PaymentsOutbox {

    private final DatabaseClient database;

    PaymentsOutbox(DatabaseClient database) {
        this.database = database;
        // Serialised by a transaction-scoped advisory lock: create-if-missing races on the catalogs otherwise.
        database.sql("""
                    do $$ begin
                      perform pg_advisory_xact_lock(4001);
                      if to_regclass('payments.outbox_event') is null then
                        create schema if not exists payments;
                        create table payments.outbox_event (
                            id bigserial primary key, aggregate_type text not null, aggregate_id text not null,
                            event_type text not null, payload jsonb not null, created_at timestamptz not null default now(),
                            published_at timestamptz);
                        create function payments.outbox_event_notify() returns trigger language plpgsql as $f$
                        begin perform pg_notify('ventus_outbox', new.id::text); return null; end $f$;
                        create trigger outbox_event_notify after insert on payments.outbox_event
                            for each row execute function payments.outbox_event_notify();
                      end if;
                    end $$""").then().block(Duration.ofSeconds(10));
    }

    /** Appends an event and returns its id. */
    long append(String type, String aggregateId, String payloadJson) {
        return database.sql("insert into payments.outbox_event (aggregate_type, aggregate_id, event_type, payload) "
                        + "values ('Test', :aggregate, :type, cast(:payload as jsonb)) returning id")
                .bind("aggregate", aggregateId).bind("type", type).bind("payload", payloadJson)
                .map(row -> row.get(0, Long.class)).one().block(Duration.ofSeconds(10));
    }
}
