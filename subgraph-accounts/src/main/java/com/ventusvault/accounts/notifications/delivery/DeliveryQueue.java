package com.ventusvault.accounts.notifications.delivery;

import com.ventusvault.accounts.notifications.NotificationChannel;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code notification} table seen as a work queue. A claim is one statement: due PENDING rows are locked with
 * {@code for update skip locked} (rows another worker is claiming are skipped, not waited for), counted as an attempt
 * and leased (their {@code next_attempt_at} moved past the delivery timeout), so no transaction stays open while a
 * provider is called, and a worker that dies leaves its rows to be retried when the lease ends. Each outcome is
 * written only if the row is still the same attempt (a late answer after the lease ran out changes nothing).
 */
@Repository
class DeliveryQueue {

    private final DatabaseClient database;

    DeliveryQueue(DatabaseClient database) {
        this.database = database;
    }

    Flux<Outgoing> claim(Instant now, Instant leaseUntil, int limit) {
        return database.sql("""
                        update notification n set attempts = n.attempts + 1, next_attempt_at = :leaseUntil
                        from (select id from notification where status = 'PENDING' and next_attempt_at <= :now
                              order by next_attempt_at, id limit :limit for update skip locked) due
                        where n.id = due.id
                        returning n.id, n.channel, n.recipient, n.subject, n.body, n.attempts""")
                .bind("now", now.atOffset(ZoneOffset.UTC))
                .bind("leaseUntil", leaseUntil.atOffset(ZoneOffset.UTC))
                .bind("limit", limit)
                .map(row -> new Outgoing(row.get("id", UUID.class),
                        NotificationChannel.valueOf(row.get("channel", String.class)),
                        row.get("recipient", String.class), row.get("subject", String.class),
                        row.get("body", String.class), row.get("attempts", Integer.class)))
                .all();
    }

    Mono<Long> sent(Outgoing claimed, String providerMessageId, Instant at) {
        var spec = database.sql("update notification set status = 'SENT', sent_at = :at, last_error = null, "
                        + "provider_message_id = :pid where id = :id and status = 'PENDING' and attempts = :attempts")
                .bind("at", at.atOffset(ZoneOffset.UTC));
        spec = providerMessageId == null ? spec.bindNull("pid", String.class) : spec.bind("pid", providerMessageId);
        return spec.bind("id", claimed.id()).bind("attempts", claimed.attempts()).fetch().rowsUpdated();
    }

    Mono<Long> retryAt(Outgoing claimed, String error, Instant next) {
        return database.sql("update notification set last_error = :error, next_attempt_at = :next "
                        + "where id = :id and status = 'PENDING' and attempts = :attempts")
                .bind("error", error)
                .bind("next", next.atOffset(ZoneOffset.UTC))
                .bind("id", claimed.id())
                .bind("attempts", claimed.attempts())
                .fetch().rowsUpdated();
    }

    Mono<Long> failed(Outgoing claimed, String error) {
        return database.sql("update notification set status = 'FAILED', last_error = :error "
                        + "where id = :id and status = 'PENDING' and attempts = :attempts")
                .bind("error", error)
                .bind("id", claimed.id())
                .bind("attempts", claimed.attempts())
                .fetch().rowsUpdated();
    }
}
