package com.ventusvault.accounts.notifications;

import java.util.List;

/** A page of the sink, newest first; {@code endCursor} continues after its last node (null on the last page). */
public record NotificationPage(List<Notification> nodes, String endCursor, boolean hasNextPage) {
}
