package com.ventusvault.accounts.notifications;

/** How a notification reaches the user: to the login email or to the phone number. */
public enum NotificationChannel {
    EMAIL,
    SMS
}
