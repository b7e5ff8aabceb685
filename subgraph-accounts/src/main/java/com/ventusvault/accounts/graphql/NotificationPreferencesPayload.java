package com.ventusvault.accounts.graphql;

import com.ventusvault.accounts.notifications.NotificationPreference;
import java.util.List;

/** The {@code NotificationPreferencesPayload} GraphQL type: the saved table, or why nothing was saved. */
public record NotificationPreferencesPayload(List<NotificationPreference> preferences, List<UserError> userErrors) {
}
