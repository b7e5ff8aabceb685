package com.ventusvault.accounts.notifications;

import com.ventusvault.accounts.domain.UserId;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Queues notifications for a user: one row per channel in {@code notification}, written with the caller's
 * transaction (run it inside the caller's {@code TransactionalOperator} chain), so nothing goes out for an action that
 * rolled back. Delivery happens after commit, elsewhere.
 *
 * <p>Channels: EMAIL to the login email; SMS to the phone, when the user has one. A {@code channels} argument narrows
 * that (e.g. a login code goes by SMS only). The user's {@link NotificationPreferences} narrow it further for the
 * optional kinds; security notices ignore them.
 *
 * <p>After the caller's transaction commits (or at once, without one), the delivery worker is woken through the
 * {@link DeliveryTrigger}; it also polls, so nothing waits forever if a wake-up is lost.
 */
@Service
public class Notifier {

    private final DatabaseClient database;
    private final NotificationPreferences preferences;
    private final DeliveryTrigger trigger;

    public Notifier(DatabaseClient database, NotificationPreferences preferences, DeliveryTrigger trigger) {
        this.database = database;
        this.preferences = preferences;
        this.trigger = trigger;
    }

    /** Queues {@code message} on every channel the user can be reached on. */
    public Mono<Void> notify(UserId user, NotificationKind kind, Message message) {
        return notify(user, kind, message, Set.of(NotificationChannel.values()));
    }

    /** Queues {@code message} on those of {@code channels} the user can be reached on. */
    public Mono<Void> notify(UserId user, NotificationKind kind, Message message, Set<NotificationChannel> channels) {
        return preferences.disabledChannels(user, kind).flatMap(disabled -> {
            Set<NotificationChannel> wanted = EnumSet.noneOf(NotificationChannel.class);
            wanted.addAll(channels);
            wanted.removeAll(disabled);
            return wanted.isEmpty() ? Mono.empty() : queue(user, kind, message, wanted);
        });
    }

    private Mono<Void> queue(UserId user, NotificationKind kind, Message message, Set<NotificationChannel> channels) {
        return database.sql("select email, phone from users where id = :id")
                .bind("id", user.value())
                .map(row -> new String[] {row.get("email", String.class), row.get("phone", String.class)})
                .one()
                .flatMapMany(contact -> Flux.fromIterable(channels).flatMap(channel -> {
                    String recipient = channel == NotificationChannel.EMAIL ? contact[0] : contact[1];
                    return recipient == null ? Mono.empty() : queue(user, kind, channel, recipient, message);
                }, 1))
                .then(wakeWorkerAfterCommit());
    }

    private Mono<Void> wakeWorkerAfterCommit() {
        return TransactionSynchronizationManager.forCurrentTransaction()
                .filter(TransactionSynchronizationManager::isSynchronizationActive)
                .flatMap(manager -> {
                    manager.registerSynchronization(new TransactionSynchronization() {
                        @Override
                        public Mono<Void> afterCommit() {
                            return Mono.fromRunnable(trigger::pull);
                        }
                    });
                    return Mono.just(manager);
                })
                .switchIfEmpty(Mono.fromRunnable(trigger::pull))
                .onErrorResume(NoTransactionException.class, e -> Mono.fromRunnable(trigger::pull))
                .then();
    }

    private Mono<Long> queue(UserId user, NotificationKind kind, NotificationChannel channel, String recipient,
                             Message message) {
        return database.sql("insert into notification (id, user_id, kind, channel, recipient, subject, body) "
                        + "values (:id, :user, :kind, :channel, :recipient, :subject, :body)")
                .bind("id", UUID.randomUUID())
                .bind("user", user.value())
                .bind("kind", kind.name())
                .bind("channel", channel.name())
                .bind("recipient", recipient)
                .bind("subject", message.subject())
                .bind("body", message.text())
                .fetch().rowsUpdated();
    }
}
