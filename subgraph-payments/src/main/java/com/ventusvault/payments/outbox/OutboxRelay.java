package com.ventusvault.payments.outbox;

import com.ventusvault.platform.database.PostgresNotifications;
import com.ventusvault.platform.database.WakeUpLoop;
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
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Follows {@code outbox_event} from where it stood at startup (subscriptions are live, nothing is replayed) and hands
 * each committed event, in id order, to {@link OutboxFanout}; then marks the delivered range {@code published_at}.
 * A rolled-back transaction's events never become visible, so they are never sent.
 *
 * <p>It wakes on {@code LISTEN ventus_outbox} (the outbox trigger notifies at commit) and polls as well.
 *
 * <p>Ids come from a sequence when a row is inserted but become visible at commit, so id 11 can be visible while 10
 * is not. Id 10 was then taken before 11, by a transaction that had begun before this read and had not committed: it
 * is in progress in the read's snapshot, or it rolled back. The relay keeps the read's snapshot and waits (rechecking
 * every {@code gap-recheck}) until none of the transactions in progress in it that have written to
 * {@code outbox_event} is still running, then reads again: whatever is still missing below 11 is gone for good and is
 * passed over. A transaction that wrote to the table holds a lock on it until it ends (an insert that was rolled back
 * to a savepoint releases it, and its id is gone anyway), so the other transactions of the cluster, which
 * {@code pg_current_snapshot()} lists too (another app's, a migration, a session left open), never hold events back.
 * So a gap costs the lifetime of the outbox writers that were open at the read, and no committed event is skipped;
 * only a writer still open after {@code max-gap-wait} is passed over, with a warning (its events are then not relayed).
 */
@Component
@EnableConfigurationProperties(RelayProperties.class)
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);
    /**
     * Whether none of the snapshot's in-progress transactions is both still running and holding the lock an insert
     * into {@code outbox_event} takes (its own transaction id lock, granted, held by a backend that also holds
     * RowExclusiveLock on the table in this database).
     */
    private static final String OPEN_OUTBOX_WRITERS = "select not exists (select 1 "
            + "from pg_snapshot_xip(cast(:snapshot as pg_snapshot)) as x(xid) "
            + "join pg_locks own on own.locktype = 'transactionid' and own.transactionid = x.xid::xid "
            + "and own.mode = 'ExclusiveLock' and own.granted "
            + "join pg_locks writes on writes.pid = own.pid and writes.locktype = 'relation' "
            + "and writes.relation = 'outbox_event'::regclass and writes.mode = 'RowExclusiveLock' "
            + "and writes.database = (select oid from pg_database where datname = current_database()) "
            + "where pg_xact_status(x.xid) = 'in progress') as settled";

    private final DatabaseClient database;
    private final OutboxFanout fanout;
    private final RelayProperties properties;
    private final WakeUpLoop loop;
    private final AtomicBoolean recheckScheduled = new AtomicBoolean();

    /** The last id delivered or passed over. */
    private volatile long position;
    /** Ids up to here that are still missing belong to finished transactions: rolled back, never coming. */
    private volatile long settledThrough;
    /** Delivered ids up to here are marked {@code published_at}; marking is batched, at most once a poll interval. */
    private volatile long markedThrough;
    private volatile long markedAt = System.nanoTime();
    /** The position at which the relay began waiting for the current gap, and since when (for max-gap-wait). */
    private volatile long waitingAt = -1;
    private volatile long waitingSince;

    OutboxRelay(DatabaseClient database, OutboxFanout fanout, RelayProperties properties, Environment environment) {
        this.database = database;
        this.fanout = fanout;
        this.properties = properties;
        this.loop = new WakeUpLoop("Relaying outbox events", properties.pollInterval(),
                PostgresNotifications.of(environment).listen("ventus_outbox"), this::drain);
    }

    /** One read: the events after the position and the snapshot they were read in. */
    private record Read(List<OutboxEvent> events, String snapshot) {
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            log.info("Outbox relay off (ventus.payments.relay.enabled=false): subscriptions will receive nothing");
            return;
        }
        position = database.sql("select coalesce(max(id), 0) as last from outbox_event")
                .map(row -> row.get("last", Long.class)).one().block(STARTUP_TIMEOUT);
        settledThrough = position;
        markedThrough = position;
        loop.start();
        log.info("Outbox relay started after event {}", position);
    }

    @Override
    public void stop() {
        loop.stop();
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }

    /** Subscribers may come as soon as the web server does: start before it, stop after it. */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 2048;
    }

    private Mono<Void> drain() {
        return read().flatMap(read -> {
            long expected = position + 1;
            for (OutboxEvent event : read.events()) {
                if (event.id() != expected && event.id() - 1 > settledThrough) {
                    return settle(read.snapshot(), event.id() - 1).then(markPublished());
                }
                fanout.publish(event);
                position = event.id();
                expected = event.id() + 1;
            }
            if (read.events().size() == properties.batchSize()) {
                loop.wakeUp();
            }
            return markPublished();
        });
    }

    private Mono<Read> read() {
        return database.sql("select id, aggregate_type, aggregate_id, event_type, payload::text as payload, created_at, "
                        + "pg_current_snapshot()::text as snapshot from outbox_event where id > :position "
                        + "order by id limit :limit")
                .bind("position", position)
                .bind("limit", properties.batchSize())
                .map(row -> new Object[] {new OutboxEvent(row.get("id", Long.class), row.get("aggregate_type", String.class),
                        row.get("aggregate_id", String.class), row.get("event_type", String.class),
                        JSON.readTree(row.get("payload", String.class)),
                        row.get("created_at", OffsetDateTime.class).toInstant()), row.get("snapshot", String.class)})
                .all()
                .collectList()
                .map(rows -> new Read(rows.stream().map(row -> (OutboxEvent) row[0]).toList(),
                        rows.isEmpty() ? null : (String) rows.getFirst()[1]));
    }

    /**
     * The ids up to {@code gapTop} that {@code snapshot} did not show: once no transaction in progress in it that has
     * written to {@code outbox_event} is still running, they are committed (and the next read shows them) or gone;
     * until then, look again shortly, for at most {@code max-gap-wait}.
     */
    private Mono<Void> settle(String snapshot, long gapTop) {
        if (waitingAt != position) {
            waitingAt = position;
            waitingSince = System.nanoTime();
        }
        return database.sql(OPEN_OUTBOX_WRITERS)
                .bind("snapshot", snapshot)
                .map(row -> row.get("settled", Boolean.class)).one()
                .doOnNext(settled -> {
                    if (settled || System.nanoTime() - waitingSince >= properties.maxGapWait().toNanos()) {
                        if (!settled) {
                            log.warn("Passed over outbox ids {} to {}: a transaction that wrote to outbox_event is still "
                                    + "open after {}; its events will not be relayed", position + 1, gapTop,
                                    properties.maxGapWait());
                        }
                        settledThrough = Math.max(settledThrough, gapTop);
                        loop.wakeUp();
                    } else if (recheckScheduled.compareAndSet(false, true)) {
                        Mono.delay(properties.gapRecheck()).subscribe(tick -> {
                            recheckScheduled.set(false);
                            loop.wakeUp();
                        });
                    }
                })
                .then();
    }

    /** Marks what was delivered since the last marking, if a poll interval has passed since then (one statement). */
    private Mono<Void> markPublished() {
        long after = markedThrough;
        long through = position;
        if (through <= after || System.nanoTime() - markedAt < properties.pollInterval().toNanos()) {
            return Mono.empty();
        }
        return database.sql("update outbox_event set published_at = now() where id > :after and id <= :through "
                        + "and published_at is null")
                .bind("after", after).bind("through", through)
                .then()
                .doOnSuccess(done -> {
                    markedThrough = through;
                    markedAt = System.nanoTime();
                });
    }
}
