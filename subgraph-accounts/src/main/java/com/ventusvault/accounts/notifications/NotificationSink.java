package com.ventusvault.accounts.notifications;

import com.ventusvault.accounts.domain.UserId;
import com.ventusvault.platform.errors.ApiException;
import io.r2dbc.spi.Readable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Reads the local sink (the {@code notification} table) for staff: newest first, optionally for one user, in keyset
 * pages. A cursor is the URL-safe base64 of the last node's {@code created_at} and id; anything else is BAD_REQUEST.
 * Who may read it is the caller's business (the GraphQL layer lets only staff in).
 */
@Repository
public class NotificationSink {

    private final DatabaseClient database;

    public NotificationSink(DatabaseClient database) {
        this.database = database;
    }

    public Mono<NotificationPage> page(Optional<UserId> user, int first, String after) {
        Optional<Position> position = Optional.ofNullable(after).map(NotificationSink::decode);
        String sql = "select * from notification where true"
                + (user.isPresent() ? " and user_id = :user" : "")
                + (position.isPresent() ? " and (created_at, id) < (:at, :id)" : "")
                + " order by created_at desc, id desc limit :limit";
        var spec = database.sql(sql).bind("limit", first + 1);
        if (user.isPresent()) {
            spec = spec.bind("user", user.get().value());
        }
        if (position.isPresent()) {
            spec = spec.bind("at", position.get().createdAt().atOffset(ZoneOffset.UTC)).bind("id", position.get().id());
        }
        return spec.map(NotificationSink::notification).all().collectList().map(rows -> {
            boolean more = rows.size() > first;
            List<Notification> nodes = more ? rows.subList(0, first) : rows;
            String end = more ? encode(nodes.getLast()) : null;
            return new NotificationPage(List.copyOf(nodes), end, more);
        });
    }

    private record Position(Instant createdAt, UUID id) {
    }

    private static String encode(Notification last) {
        String text = last.createdAt() + "|" + last.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Position decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = text.indexOf('|');
            return new Position(Instant.parse(text.substring(0, bar)), UUID.fromString(text.substring(bar + 1)));
        } catch (IllegalArgumentException | DateTimeParseException | IndexOutOfBoundsException e) {
            throw ApiException.badInput("Invalid cursor: pass an endCursor from an earlier page", "after");
        }
    }

    private static Notification notification(Readable row) {
        OffsetDateTime sentAt = row.get("sent_at", OffsetDateTime.class);
        return new Notification(row.get("id", UUID.class), new UserId(row.get("user_id", UUID.class)),
                NotificationKind.valueOf(row.get("kind", String.class)),
                NotificationChannel.valueOf(row.get("channel", String.class)),
                row.get("recipient", String.class), row.get("subject", String.class), row.get("body", String.class),
                NotificationStatus.valueOf(row.get("status", String.class)), row.get("attempts", Integer.class),
                row.get("provider_message_id", String.class), row.get("last_error", String.class),
                row.get("created_at", OffsetDateTime.class).toInstant(), sentAt == null ? null : sentAt.toInstant());
    }
}
