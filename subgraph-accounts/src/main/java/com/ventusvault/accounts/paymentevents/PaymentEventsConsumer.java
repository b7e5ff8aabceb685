package com.ventusvault.accounts.paymentevents;

import com.ventusvault.platform.database.PostgresNotifications;
import io.r2dbc.spi.R2dbcBadGrammarException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Follows payments' transactional outbox ({@code <schema>.outbox_event}, same database) and hands each event to
 * {@link PaymentEventHandler}, exactly once. Per batch, one transaction: lock this consumer's row of
 * {@code event_offset}, read the events after it, handle them, move the offset past them, commit. A crash before the
 * commit leaves the offset where it was and the writes undone; the row lock keeps two accounts instances from
 * handling the same events.
 *
 * <p>It wakes on {@code LISTEN ventus_outbox} (payments' outbox trigger notifies at commit) and polls every
 * {@code poll-interval} as well, so a lost notification or a dropped listening connection delays events, never loses
 * them. Missing ids are waited for ({@link EventGaps}).
 */
@Component
@EnableConfigurationProperties(PaymentEventsProperties.class)
public class PaymentEventsConsumer implements SmartLifecycle {

    /** This consumer's row in {@code event_offset}. */
    static final String CONSUMER = "payments";

    private static final Logger log = LoggerFactory.getLogger(PaymentEventsConsumer.class);

    private final PaymentEventsProperties properties;
    private final PaymentEventHandler handler;
    private final DatabaseClient database;
    private final TransactionalOperator transactions;
    private final EventGaps gaps;
    private final PostgresNotifications notifications;
    private final Sinks.Many<Boolean> wakeUps = Sinks.many().multicast().directBestEffort();
    private final AtomicBoolean tableMissingLogged = new AtomicBoolean();
    private volatile Disposable running;

    PaymentEventsConsumer(PaymentEventsProperties properties, PaymentEventHandler handler, DatabaseClient database,
                          TransactionalOperator transactions, Clock clock, Environment environment) {
        this.properties = properties;
        this.handler = handler;
        this.database = database;
        this.transactions = transactions;
        this.gaps = new EventGaps(properties.gapTimeout(), clock);
        this.notifications = PostgresNotifications.of(environment);
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            log.info("Not following payments' outbox (ventus.accounts.payment-events.enabled=false)");
            return;
        }
        Flux<Boolean> ticks = Flux.interval(Duration.ZERO, properties.pollInterval()).map(tick -> true);
        running = Flux.merge(ticks, wakeUps.asFlux(), notifications.listen("ventus_outbox").map(id -> true))
                .onBackpressureDrop()
                .concatMap(wake -> drain().onErrorResume(error -> {
                    log.error("Handling payments events failed; retrying at the next wake-up", error);
                    return Mono.empty();
                }), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable current = running;
        running = null;
        if (current != null) {
            current.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }

    /** Handles every event available now (batch after batch); the number handled. */
    public Mono<Long> drain() {
        return drainBatch().expand(handled -> handled >= properties.batchSize() ? drainBatch() : Mono.empty())
                .reduce(0L, Long::sum);
    }

    /** Asks the running consumer to look for events now. */
    public void wakeUp() {
        wakeUps.tryEmitNext(true);
    }

    private Mono<Long> drainBatch() {
        return transactions.transactional(database.sql("select last_event_id from event_offset "
                                + "where consumer = :consumer for update")
                        .bind("consumer", CONSUMER)
                        .map(row -> row.get("last_event_id", Long.class)).one()
                        .flatMap(offset -> read(offset).collectList().flatMap(events -> {
                            int accepted = gaps.acceptable(offset, events.stream().map(PaymentEvent::id).toList());
                            if (accepted == 0) {
                                return Mono.just(0L);
                            }
                            List<PaymentEvent> batch = events.subList(0, accepted);
                            long last = batch.get(batch.size() - 1).id();
                            return Flux.fromIterable(batch).concatMap(handler::handle).then(database.sql(
                                            "update event_offset set last_event_id = :last, updated_at = now() "
                                                    + "where consumer = :consumer")
                                    .bind("last", last).bind("consumer", CONSUMER).then())
                                    .doOnSuccess(done -> gaps.passed(last))
                                    .thenReturn((long) accepted);
                        })))
                .onErrorResume(PaymentEventsConsumer::outboxMissing, missing -> {
                    if (tableMissingLogged.compareAndSet(false, true)) {
                        log.warn("No payments outbox to follow yet ({}.outbox_event does not exist); polling on",
                                properties.schema());
                    }
                    return Mono.just(0L);
                });
    }

    /** Payments has not created its outbox (yet): SQLSTATE 42P01, however the driver's error was wrapped. */
    private static boolean outboxMissing(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof R2dbcBadGrammarException grammar && "42P01".equals(grammar.getSqlState())) {
                return true;
            }
        }
        return false;
    }

    private Flux<PaymentEvent> read(long offset) {
        return database.sql("select id, event_type, created_at, case when event_type = any(:types) then payload::text "
                        + "end as payload from " + properties.schema() + ".outbox_event where id > :offset "
                        + "order by id limit :limit")
                .bind("types", PaymentEventHandler.READ_TYPES.toArray(String[]::new))
                .bind("offset", offset)
                .bind("limit", properties.batchSize())
                .map(row -> new PaymentEvent(row.get("id", Long.class), row.get("event_type", String.class),
                        row.get("payload", String.class), row.get("created_at", OffsetDateTime.class).toInstant()))
                .all();
    }
}
