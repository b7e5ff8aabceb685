package com.ventusvault.accounts.notifications;

import com.ventusvault.accounts.domain.UserId;
import java.time.Instant;
import java.util.UUID;

/** One SMS or email as the local sink keeps it (the {@code Notification} GraphQL type). */
public record Notification(UUID id, UserId userId, NotificationKind kind, NotificationChannel channel,
                           String recipient, String subject, String body, NotificationStatus status, int attempts,
                           String providerMessageId, String lastError, Instant createdAt, Instant sentAt) {
}
