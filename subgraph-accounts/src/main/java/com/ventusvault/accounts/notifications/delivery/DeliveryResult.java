package com.ventusvault.accounts.notifications.delivery;

/** What one delivery attempt came to. */
public sealed interface DeliveryResult {

    /** The provider took the message; {@code providerMessageId} is its id for it (null for the local sink). */
    record Delivered(String providerMessageId) implements DeliveryResult {
    }

    /**
     * The provider did not take it. {@code permanent} failures (the provider refused this message, e.g. an invalid
     * number) are not retried; the others (5xx, 429, timeouts, connection errors) are, until the attempts run out.
     * {@code reason} is kept as the row's {@code last_error}; it never contains credentials.
     */
    record Failed(String reason, boolean permanent) implements DeliveryResult {
    }
}
