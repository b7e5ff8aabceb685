package com.ventusvault.accounts.notifications.delivery;

import com.ventusvault.accounts.notifications.NotificationChannel;

/** The courier of each channel, as configured. */
record Couriers(Courier sms, Courier email) {

    Courier of(NotificationChannel channel) {
        return switch (channel) {
            case SMS -> sms;
            case EMAIL -> email;
        };
    }
}
