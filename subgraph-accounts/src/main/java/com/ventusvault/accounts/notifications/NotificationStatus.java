package com.ventusvault.accounts.notifications;

/** Where a notification is in delivery: waiting for an attempt, taken by its provider, or given up on. */
public enum NotificationStatus {
    PENDING,
    SENT,
    FAILED
}
