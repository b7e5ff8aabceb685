package com.ventusvault.accounts.credentials;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * At most {@code attemptsPerMinute} attempts per account and client IP in any sliding minute. The account is the
 * normalised email as typed, known or not, so unknown emails are throttled exactly like real ones and the answer does
 * not tell them apart. Each check runs in its own short transaction under a PostgreSQL advisory lock on the key, so
 * concurrent attempts cannot all slip under the limit, and the attempt is visible to the next one before any password
 * hash is computed. Refused attempts are not counted: waiting is enough to try again.
 */
@Service
public class LoginThrottle {

    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final String UNKNOWN_IP = "unknown";

    private final DatabaseClient database;
    private final TransactionalOperator transactions;
    private final Clock clock;
    private final int limit;

    public LoginThrottle(DatabaseClient database, TransactionalOperator transactions, Clock clock,
                         LoginProperties properties) {
        this.database = database;
        this.transactions = transactions;
        this.clock = clock;
        this.limit = properties.attemptsPerMinute();
    }

    /** Counts an attempt and emits empty, or emits how long to wait when the limit is reached (nothing counted). */
    public Mono<Optional<Throttled>> attempt(String account, String clientIp) {
        String ip = clientIp == null ? UNKNOWN_IP : clientIp;
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
        OffsetDateTime windowStart = now.minus(WINDOW);
        Mono<Optional<Throttled>> check = database.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .bind("key", account + "\n" + ip).fetch().rowsUpdated()
                // Sweeps a few expired rows of any key; skip locked, so concurrent sweeps never wait on (or
                // deadlock with) each other.
                .then(database.sql("delete from login_attempt where ctid in (select ctid from login_attempt "
                                + "where at <= :windowStart limit 100 for update skip locked)")
                        .bind("windowStart", windowStart).fetch().rowsUpdated())
                .then(database.sql("select count(*) as attempts, min(at) as oldest from login_attempt "
                                + "where account = :account and client_ip = :ip and at > :windowStart")
                        .bind("account", account).bind("ip", ip).bind("windowStart", windowStart)
                        .map(row -> new Window(row.get("attempts", Long.class), row.get("oldest", OffsetDateTime.class)))
                        .one())
                .flatMap(window -> window.attempts() >= limit
                        ? Mono.just(Optional.of(new Throttled(Duration.between(now.toInstant(),
                                window.oldest().toInstant().plus(WINDOW)))))
                        : database.sql("insert into login_attempt (account, client_ip, at) values (:account, :ip, :at)")
                                .bind("account", account).bind("ip", ip).bind("at", now)
                                .fetch().rowsUpdated().thenReturn(Optional.<Throttled>empty()));
        return transactions.transactional(check);
    }

    private record Window(long attempts, OffsetDateTime oldest) {
    }

}
