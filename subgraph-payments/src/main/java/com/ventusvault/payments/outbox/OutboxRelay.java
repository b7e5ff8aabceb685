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
 * is not. Id 10 was then taken before 11 was, by a transaction that was still open when the read's snapshot was taken
 * (else the read would show it) or rolled back. Taking an id means inserting into {@code outbox_event} (the triggers
 * do, with the column default), and an insert holds RowExclusiveLock on the table from before it takes the id until
 * its transaction ends (a savepoint rolled back releases it, and takes the id with it). So when the relay first meets
 * a gap it notes, after that read, which transactions hold that lock (their virtual transaction ids, in
 * {@code pg_locks}); id 10's writer is among them or has already ended. Once none of the noted writers holds it any
 * more (rechecked every {@code gap-recheck}), a new read shows 10 if it committed; if 10 is still missing it is gone
 * for good and passed over. So a gap costs the lifetime of the outbox writers open when it was first seen: never a
 * fixed timeout, never the other open transactions of the cluster (another app's, a session left in a transaction),
 * never writers that began later (steady traffic cannot starve it), and no committed event is skipped. Only a noted
 * writer still open after {@code max-gap-wait} is passed over, with a warning (its events are then not relayed).
 *
 * <p>Why not the read's {@code pg_current_snapshot()} and its in-progress list ({@code pg_snapshot_xip}): the list
 * holds only transaction ids below the snapshot's {@code xmax} (the newest completed one + 1), so a writer whose
 * transaction id is newer than the one that committed id 11 is in progress yet not listed, and 10 would be passed
 * over and lost when it commits ({@code RelayGapIntegrationTests}). Nor is a writer listed before it has a transaction
 * id; a virtual transaction id exists from its first statement.
 */
@Component
@EnableConfigurationProperties(RelayProperties.class)
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);
    /** The transactions that hold the lock an insert into {@code outbox_event} takes, other than this one. */
    private static final String OUTBOX_WRITERS = "select coalesce(string_agg(virtualtransaction, ','), '') as writers "
            + "from pg_locks where locktype = 'relation' and mode = 'RowExclusiveLock' and granted "
            + "and database = (select oid from pg_database where datname = current_database()) "
            + "and relation = 'outbox_event'::regclass and pid is distinct from pg_backend_pid()";
    /** Whether none of the noted writers (comma-separated virtual transaction ids) still holds that lock. */
    private static final String WRITERS_DONE = "select not exists (select 1 from pg_locks "
            + "where locktype = 'relation' and mode = 'RowExclusiveLock' "
            + "and database = (select oid from pg_database where datname = current_database()) "
            + "and relation = 'outbox_event'::regclass "
            + "and virtualtransaction = any(string_to_array(:writers, ','))) as settled";

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
    /** The outbox writers open when that gap was first seen (comma-separated virtual transaction ids). */
    private volatile String gapWriters = "";

    OutboxRelay(DatabaseClient database, OutboxFanout fanout, RelayProperties properties, Environment environment) {
        this.database = database;
        this.fanout = fanout;
        this.properties = properties;
        this.loop = new WakeUpLoop("Relaying outbox events", properties.pollInterval(),
                PostgresNotifications.of(environment).listen("ventus_outbox"), this::drain);
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
        return read().flatMap(events -> {
            long expected = position + 1;
            for (OutboxEvent event : events) {
                if (event.id() != expected && event.id() - 1 > settledThrough) {
                    return settle(event.id() - 1).then(markPublished());
                }
                fanout.publish(event);
                position = event.id();
                expected = event.id() + 1;
            }
            if (events.size() == properties.batchSize()) {
                loop.wakeUp();
            }
            return markPublished();
        });
    }

    private Mono<List<OutboxEvent>> read() {
        return database.sql("select id, aggregate_type, aggregate_id, event_type, payload::text as payload, created_at "
                        + "from outbox_event where id > :position order by id limit :limit")
                .bind("position", position)
                .bind("limit", properties.batchSize())
                .map(row -> new OutboxEvent(row.get("id", Long.class), row.get("aggregate_type", String.class),
                        row.get("aggregate_id", String.class), row.get("event_type", String.class),
                        JSON.readTree(row.get("payload", String.class)),
                        row.get("created_at", OffsetDateTime.class).toInstant()))
                .all()
                .collectList();
    }

    /**
     * The ids up to {@code gapTop} that the last read did not show: once none of the outbox writers open when this gap
     * was first seen is still open, they are committed (and the next read shows them) or gone; until then, look again
     * shortly, for at most {@code max-gap-wait}.
     */
    private Mono<Void> settle(long gapTop) {
        Mono<String> writers;
        if (waitingAt == position) {
            writers = Mono.just(gapWriters);
        } else {
            long at = position;
            writers = database.sql(OUTBOX_WRITERS).map(row -> row.get("writers", String.class)).one()
                    .doOnNext(noted -> {
                        waitingAt = at;
                        waitingSince = System.nanoTime();
                        gapWriters = noted;
                    });
        }
        return writers
                .flatMap(noted -> noted.isEmpty() ? Mono.just(true) : database.sql(WRITERS_DONE)
                        .bind("writers", noted)
                        .map(row -> row.get("settled", Boolean.class)).one())
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
