package com.ventusvault.accounts.sessions;

import com.ventusvault.accounts.credentials.SecretDigest;
import com.ventusvault.accounts.domain.User;
import com.ventusvault.accounts.notifications.Message;
import com.ventusvault.accounts.notifications.NotificationKind;
import com.ventusvault.accounts.notifications.Notifier;
import com.ventusvault.platform.requests.RequestFacts;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Remembers the devices a user signs in from, a device being the pair (user agent, client IP) stored as a digest
 * ({@code known_device}), and sends NEW_DEVICE_LOGIN when a login comes from one not seen before. Registration
 * remembers its device without a notice. Joins the caller's transaction.
 */
@Service
public class NewDeviceAlerts {

    private final DatabaseClient database;
    private final Notifier notifier;
    private final Clock clock;

    public NewDeviceAlerts(DatabaseClient database, Notifier notifier, Clock clock) {
        this.database = database;
        this.notifier = notifier;
        this.clock = clock;
    }

    /** Remembers the request's device; no notice (the user is right there, registering). */
    Mono<Void> rememberQuietly(User user, RequestFacts facts) {
        return remember(user, facts, clock.instant()).then();
    }

    /** Remembers the request's device and, when it is new, notifies the user; emits whether it was new. */
    Mono<Boolean> rememberAndAlert(User user, RequestFacts facts) {
        Instant now = clock.instant();
        return remember(user, facts, now).flatMap(isNew -> !isNew ? Mono.just(false)
                : notifier.notify(user.id(), NotificationKind.NEW_DEVICE_LOGIN, new Message(
                        "New sign-in to your VentusVault account",
                        "Your VentusVault account was signed in to at " + now.truncatedTo(ChronoUnit.SECONDS)
                                + " from a new device: " + describe(facts) + ". If this was not you, change your "
                                + "password now and sign out everywhere.")).thenReturn(true));
    }

    private Mono<Boolean> remember(User user, RequestFacts facts, Instant at) {
        byte[] device = SecretDigest.of("device:" + facts.userAgent() + "\n" + facts.clientIp());
        OffsetDateTime time = OffsetDateTime.ofInstant(at.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
        // xmax = 0 only for a row this statement inserted (an updated row carries the updating transaction's id).
        return database.sql("insert into known_device as d (user_id, device_hash, first_seen, last_seen) "
                        + "values (:user, :device, :at, :at) on conflict (user_id, device_hash) "
                        + "do update set last_seen = excluded.last_seen returning (d.xmax = 0) as inserted")
                .bind("user", user.id().value()).bind("device", device).bind("at", time)
                .map(row -> Boolean.TRUE.equals(row.get("inserted", Boolean.class)))
                .one();
    }

    private static String describe(RequestFacts facts) {
        String agent = facts.userAgent() == null ? "unknown browser or app" : abbreviate(facts.userAgent());
        String ip = facts.clientIp() == null ? "an unknown address" : "IP " + facts.clientIp();
        return agent + " at " + ip;
    }

    private static String abbreviate(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", " ");
        return printable.length() <= 120 ? printable : printable.substring(0, 120) + "...";
    }
}
