package com.ventusvault.accounts.notifications;

import com.ventusvault.accounts.domain.Violation;
import java.util.List;

/** The outcome of {@link NotificationPreferences#update}: saved (all of it), or refused (none of it). */
public sealed interface PreferenceUpdate {

    /** Every change was saved; {@code preferences} is the user's whole table now. */
    record Saved(List<NotificationPreference> preferences) implements PreferenceUpdate {
    }

    /** Nothing was saved, for these reasons. */
    record Refused(List<Violation> violations) implements PreferenceUpdate {
    }
}
