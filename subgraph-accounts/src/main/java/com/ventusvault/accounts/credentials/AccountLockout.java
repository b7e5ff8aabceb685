package com.ventusvault.accounts.credentials;

import com.ventusvault.accounts.audit.AuditEvent;
import com.ventusvault.accounts.audit.AuditTrail;
import com.ventusvault.accounts.domain.UserId;
import com.ventusvault.accounts.domain.Violation;
import com.ventusvault.accounts.notifications.Message;
import com.ventusvault.accounts.notifications.NotificationKind;
import com.ventusvault.accounts.notifications.Notifier;
import com.ventusvault.platform.requests.RequestFacts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Locks an account after {@code lockoutFailures} failed sign-ins in a row (wrong password or second factor, from any
 * IP: the defence against guessing spread over many addresses, which the per-IP throttle does not see). A locked
 * account refuses every sign-in, right password or not, for {@code lockoutDuration}; afterwards the count starts over.
 * A successful sign-in resets the count. The account is the normalised email, known or not: an unknown email is
 * "locked" exactly like a real one, so the lockout does not reveal which emails have accounts. Each change is one SQL
 * statement, so concurrent failures are all counted. The failure that locks records {@code auth.account.locked} and,
 * for a real user, sends them a SECURITY_ALERT. Writes join the caller's transaction.
 */
@Service
public class AccountLockout {

    private final DatabaseClient database;
    private final Notifier notifier;
    private final AuditTrail audit;
    private final Clock clock;
    private final int maxFailures;
    private final Duration duration;

    public AccountLockout(DatabaseClient database, Notifier notifier, AuditTrail audit, Clock clock,
                          LoginProperties properties) {
        this.database = database;
        this.notifier = notifier;
        this.audit = audit;
        this.clock = clock;
        this.maxFailures = properties.lockoutFailures();
        this.duration = properties.lockoutDuration();
    }

    /** How much longer the account stays locked, or empty when it is not locked. */
    public Mono<Optional<Duration>> remaining(String account) {
        Instant now = clock.instant();
        return database.sql("select locked_until from login_lockout where account = :account and locked_until > :now")
                .bind("account", account).bind("now", at(now))
                .map(row -> Optional.of(Duration.between(now, row.get("locked_until", OffsetDateTime.class).toInstant())))
                .one()
                .defaultIfEmpty(Optional.empty());
    }

    /**
     * Counts a failure of {@code account}; emits true when it is the one that locked it (then audited and, when
     * {@code user} is known, notified). {@code user} is null for an email no account has.
     */
    public Mono<Boolean> recordFailure(String account, UserId user, RequestFacts facts) {
        return countFailure(account).flatMap(locked -> !locked ? Mono.just(false) : locked(account, user, facts));
    }

    private Mono<Boolean> locked(String account, UserId user, RequestFacts facts) {
        Map<String, Object> details = Map.of("failures", maxFailures, "lockedForSeconds", duration.toSeconds());
        if (user == null) {
            return audit.record(new AuditEvent(null, "auth.account.locked", null,
                    Map.of("email", account, "failures", maxFailures, "lockedForSeconds", duration.toSeconds())), facts)
                    .thenReturn(true);
        }
        return audit.record(new AuditEvent(user.value(), "auth.account.locked", AuditEvent.user(user.value()), details),
                        facts)
                .then(notifier.notify(user, NotificationKind.SECURITY_ALERT, new Message(
                        "Your VentusVault account is locked",
                        "After " + maxFailures + " failed sign-in attempts in a row, your VentusVault account "
                                + "is locked for " + duration.toMinutes() + " minutes. If this was not you, "
                                + "someone may be guessing your password: change it once you can sign in.")))
                .thenReturn(true);
    }

    private Mono<Boolean> countFailure(String account) {
        OffsetDateTime until = at(clock.instant().plus(duration));
        return database.sql("insert into login_lockout as l (account, failures, locked_until) "
                        + "values (:account, case when 1 >= :max then 0 else 1 end, case when 1 >= :max then :until end) "
                        + "on conflict (account) do update set "
                        + "failures = case when l.failures + 1 >= :max then 0 else l.failures + 1 end, "
                        + "locked_until = case when l.failures + 1 >= :max then :until else l.locked_until end "
                        + "returning failures = 0 and locked_until = :until as locked")
                .bind("account", account).bind("max", maxFailures).bind("until", until)
                .map(row -> Boolean.TRUE.equals(row.get("locked", Boolean.class)))
                .one();
    }

    /** Starts the count over after a successful sign-in. */
    public Mono<Void> recordSuccess(String account) {
        return database.sql("update login_lockout set failures = 0 where account = :account and failures > 0")
                .bind("account", account).fetch().rowsUpdated().then();
    }

    /** The ACCOUNT_LOCKED user error, saying how many minutes are left (rounded up). */
    public static Violation locked(Duration remaining) {
        long minutes = Math.max(1, (remaining.toSeconds() + 59) / 60);
        return new Violation("ACCOUNT_LOCKED", "This account is locked after too many failed sign-ins; try again in "
                + minutes + (minutes == 1 ? " minute" : " minutes"), List.of());
    }

    /** How long the failure that locks locks for. */
    public Duration duration() {
        return duration;
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }
}
