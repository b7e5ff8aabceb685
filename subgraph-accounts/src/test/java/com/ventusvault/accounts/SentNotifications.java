package com.ventusvault.accounts;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;

/** Reads the notification queue (the local sink) the way a test needs it: what was queued for a user, newest first. */
public final class SentNotifications {

    /** One queued notification. */
    public record Sent(String kind, String channel, String recipient, String subject, String body, String status) {
    }

    private final DatabaseClient database;

    public SentNotifications(DatabaseClient database) {
        this.database = database;
    }

    public List<Sent> forUser(UUID userId) {
        return database.sql("select kind, channel, recipient, subject, body, status from notification "
                        + "where user_id = :user order by created_at desc, id desc")
                .bind("user", userId)
                .map(row -> new Sent(row.get("kind", String.class), row.get("channel", String.class),
                        row.get("recipient", String.class), row.get("subject", String.class),
                        row.get("body", String.class), row.get("status", String.class)))
                .all().collectList().block(Duration.ofSeconds(10));
    }

    /** The newest notification of this kind and channel for the user; fails the test when there is none. */
    public Sent latest(UUID userId, String kind, String channel) {
        return forUser(userId).stream().filter(s -> s.kind().equals(kind) && s.channel().equals(channel)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + channel + " notification for " + userId));
    }
}
