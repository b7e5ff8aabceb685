package com.ventusvault.payments.providers;

/**
 * Where a provider says a transfer (or charge) stands.
 * {@code UNKNOWN}: the provider could not be asked or gave an answer we cannot map; the caller must ask again later
 * (never assume it failed: the money may be on its way).
 */
public enum ProviderState {
    PENDING, SUCCEEDED, FAILED, UNKNOWN
}
