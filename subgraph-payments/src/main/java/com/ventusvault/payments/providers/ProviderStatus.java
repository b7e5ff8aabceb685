package com.ventusvault.payments.providers;

import java.util.Objects;

/**
 * A provider's answer to "what happened to this reference?".
 *
 * @param state  the mapped state
 * @param reason the provider's words for it (failure reason, or its raw status), never null
 */
public record ProviderStatus(ProviderState state, String reason) {

    public ProviderStatus {
        Objects.requireNonNull(state, "state");
        reason = reason == null ? "" : reason;
    }
}
