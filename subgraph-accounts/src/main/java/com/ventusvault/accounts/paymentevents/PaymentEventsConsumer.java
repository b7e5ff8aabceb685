package com.ventusvault.accounts.paymentevents;

import com.ventusvault.platform.database.PostgresNotifications;
import com.ventusvault.platform.database.WakeUpLoop;
import io.r2dbc.spi.R2dbcBadGrammarException;
import java.time.Clock;
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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

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
    private final WakeUpLoop loop;
    private final AtomicBoolean tableMissingLogged = new AtomicBoolean();

    PaymentEventsConsumer(PaymentEventsProperties properties, PaymentEventHandler handler, DatabaseClient database,
                          TransactionalOperator transactions, Clock clock, Environment environment) {
        this.properties = properties;
        this.handler = handler;
        this.database = database;
        this.transactions = transactions;
        this.gaps = new EventGaps(properties.gapTimeout(), clock);
        this.loop = new WakeUpLoop("Handling payments events", properties.pollInterval(),
                PostgresNotifications.of(environment).listen("ventus_outbox"), this::drain);
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            log.info("Not following payments' outbox (ventus.accounts.payment-events.enabled=false)");
            return;
        }
        loop.start();
    }

    @Override
    public void stop() {
        loop.stop();
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }

    /** Handles every event available now (batch after batch); the number handled. */
    public Mono<Long> drain() {
        return drainBatch().expand(handled -> handled >= properties.batchSize() ? drainBatch() : Mono.empty())
                .reduce(0L, Long::sum);
    }

    /** Asks the running consumer to look for events now. */
    public void wakeUp() {
        loop.wakeUp();
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
