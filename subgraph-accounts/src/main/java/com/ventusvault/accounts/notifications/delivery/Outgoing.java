package com.ventusvault.accounts.notifications.delivery;

import com.ventusvault.accounts.notifications.NotificationChannel;
import java.util.UUID;

/**
 * A claimed notification on its way out.
 *
 * @param attempts how many attempts were made, this one included
 */
public record Outgoing(UUID id, NotificationChannel channel, String recipient, String subject, String body,
                       int attempts) {
}
