package com.ventusvault.payments.providers;

import java.util.Objects;

/**
 * A provider webhook whose signature checked out, mapped to our terms.
 *
 * @param provider  who sent it
 * @param eventId   a stable id for de-duplicating replays: the provider's id of the transfer/charge plus the event
 *                  kind (a provider re-sends the same event with the same id)
 * @param type      what happened
 * @param reference our reference (the transfer id we sent)
 * @param reason    the provider's reason or status text, never null
 */
public record ProviderEvent(ProviderName provider, String eventId, ProviderEventType type, String reference,
                            String reason) {

    public ProviderEvent {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(reference, "reference");
        reason = reason == null ? "" : reason;
    }
}
