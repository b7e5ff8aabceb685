package com.ventusvault.accounts.notifications;

import com.ventusvault.accounts.domain.UserId;
import com.ventusvault.accounts.domain.Violation;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Which notifications each user gets on which channel. Every kind is on by default; a user may turn off only the
 * {@linkplain NotificationKind#optional() optional} kinds (money received, payout completed). Security notices go out
 * regardless, and the database refuses to store a preference for them.
 */
@Service
public class NotificationPreferences {

    private final DatabaseClient database;
    private final TransactionalOperator transactions;

    public NotificationPreferences(DatabaseClient database, TransactionalOperator transactions) {
        this.database = database;
        this.transactions = transactions;
    }

    /** The user's whole table: every kind on every channel, in enum order. */
    public Mono<List<NotificationPreference>> of(UserId user) {
        return stored(user).map(NotificationPreferences::table);
    }

    /** The channels the user turned off for this kind (always empty for security notices). */
    public Mono<Set<NotificationChannel>> disabledChannels(UserId user, NotificationKind kind) {
        if (!kind.optional()) {
            return Mono.just(Set.of());
        }
        return database.sql("select channel from notification_preference "
                        + "where user_id = :user and kind = :kind and not enabled")
                .bind("user", user.value())
                .bind("kind", kind.name())
                .map(row -> NotificationChannel.valueOf(row.get("channel", String.class)))
                .all()
                .collect(() -> EnumSet.noneOf(NotificationChannel.class), Set::add);
    }

    /**
     * Applies all changes or none: turning off a security notice is refused ({@code NOTIFICATION_NOT_OPTIONAL}, with
     * the index of the offending input); turning one on is accepted and changes nothing, since it is always on.
     */
    public Mono<PreferenceUpdate> update(UserId user, List<PreferenceChange> changes) {
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            PreferenceChange change = changes.get(i);
            if (!change.kind().optional() && !change.enabled()) {
                violations.add(new Violation("NOTIFICATION_NOT_OPTIONAL", change.kind() + " is a security notice and "
                        + "cannot be turned off", List.of("input", String.valueOf(i), "enabled")));
            }
        }
        if (!violations.isEmpty()) {
            return Mono.just(new PreferenceUpdate.Refused(violations));
        }
        return Flux.fromIterable(changes)
                .filter(change -> change.kind().optional())
                .concatMap(change -> save(user, change))
                .then(of(user))
                .as(transactions::transactional)
                .map(PreferenceUpdate.Saved::new);
    }

    private Mono<Long> save(UserId user, PreferenceChange change) {
        return database.sql("insert into notification_preference (user_id, kind, channel, enabled) "
                        + "values (:user, :kind, :channel, :enabled) on conflict (user_id, kind, channel) "
                        + "do update set enabled = excluded.enabled, updated_at = now()")
                .bind("user", user.value())
                .bind("kind", change.kind().name())
                .bind("channel", change.channel().name())
                .bind("enabled", change.enabled())
                .fetch().rowsUpdated();
    }

    private Mono<Map<String, Boolean>> stored(UserId user) {
        return database.sql("select kind, channel, enabled from notification_preference where user_id = :user")
                .bind("user", user.value())
                .map(row -> Map.entry(row.get("kind", String.class) + "/" + row.get("channel", String.class),
                        Boolean.TRUE.equals(row.get("enabled", Boolean.class))))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, HashMap::new);
    }

    private static List<NotificationPreference> table(Map<String, Boolean> stored) {
        List<NotificationPreference> table = new ArrayList<>();
        for (NotificationKind kind : NotificationKind.values()) {
            for (NotificationChannel channel : NotificationChannel.values()) {
                boolean enabled = !kind.optional() || stored.getOrDefault(kind.name() + "/" + channel.name(), true);
                table.add(new NotificationPreference(kind, channel, enabled, kind.optional()));
            }
        }
        return table;
    }
}
