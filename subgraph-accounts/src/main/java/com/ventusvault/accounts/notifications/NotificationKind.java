package com.ventusvault.accounts.notifications;

/** Why a user is notified. Security notices ({@link #optional()} false) go out whatever the user's preferences. */
public enum NotificationKind {
    MONEY_RECEIVED(true),
    PAYOUT_COMPLETED(true),
    NEW_DEVICE_LOGIN(false),
    TWO_FACTOR_CODE(false),
    EMAIL_VERIFICATION(false),
    PASSWORD_RESET(false),
    SECURITY_ALERT(false);

    private final boolean optional;

    NotificationKind(boolean optional) {
        this.optional = optional;
    }

    /** Whether the user may turn this kind off. */
    public boolean optional() {
        return optional;
    }
}
