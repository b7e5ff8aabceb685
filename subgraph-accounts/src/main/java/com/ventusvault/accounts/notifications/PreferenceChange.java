package com.ventusvault.accounts.notifications;

import java.util.Objects;

/** A user's request to turn one kind of notification on one channel on or off. */
public record PreferenceChange(NotificationKind kind, NotificationChannel channel, boolean enabled) {

    public PreferenceChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(channel, "channel");
    }
}
