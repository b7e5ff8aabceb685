package com.ventusvault.accounts.notifications;

/**
 * Whether a user gets one kind of notification on one channel (the {@code NotificationPreference} GraphQL type).
 * {@code optional} is false for security notices, which are always {@code enabled}.
 */
public record NotificationPreference(NotificationKind kind, NotificationChannel channel, boolean enabled,
                                     boolean optional) {
}
