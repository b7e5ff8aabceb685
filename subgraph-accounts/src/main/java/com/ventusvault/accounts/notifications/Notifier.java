package com.ventusvault.accounts.notifications;

import com.ventusvault.accounts.domain.UserId;
import java.util.Set;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Queues notifications for a user: one row per channel in {@code notification}, written with the caller's
 * transaction (run it inside the caller's {@code TransactionalOperator} chain), so nothing goes out for an action that
 * rolled back. Delivery happens after commit, elsewhere.
 *
 * <p>Channels: EMAIL to the login email; SMS to the phone, when the user has one. A {@code channels} argument narrows
 * that (e.g. a login code goes by SMS only).
 */
@Service
public class Notifier {

    private final DatabaseClient database;

    public Notifier(DatabaseClient database) {
        this.database = database;
    }

    /** Queues {@code message} on every channel the user can be reached on. */
    public Mono<Void> notify(UserId user, NotificationKind kind, Message message) {
        return notify(user, kind, message, Set.of(NotificationChannel.values()));
    }

    /** Queues {@code message} on those of {@code channels} the user can be reached on. */
    public Mono<Void> notify(UserId user, NotificationKind kind, Message message, Set<NotificationChannel> channels) {
        return database.sql("select email, phone from users where id = :id")
                .bind("id", user.value())
                .map(row -> new String[] {row.get("email", String.class), row.get("phone", String.class)})
                .one()
                .flatMapMany(contact -> reactor.core.publisher.Flux.fromIterable(channels).flatMap(channel -> {
                    String recipient = channel == NotificationChannel.EMAIL ? contact[0] : contact[1];
                    return recipient == null ? Mono.empty() : queue(user, kind, channel, recipient, message);
                }, 1))
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
