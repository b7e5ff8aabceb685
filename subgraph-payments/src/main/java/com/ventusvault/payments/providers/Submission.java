package com.ventusvault.payments.providers;

import java.util.Objects;

/**
 * A payout a provider accepted (or already had, for a repeated reference).
 *
 * @param provider           the provider that holds the transfer now; later status checks and webhooks come from it
 * @param providerTransferId the provider's own id of the transfer (Paystack transfer_code, Flutterwave id)
 * @param state              the state the provider reported when accepting it (usually PENDING)
 */
public record Submission(ProviderName provider, String providerTransferId, ProviderState state) {

    public Submission {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(state, "state");
        providerTransferId = providerTransferId == null ? "" : providerTransferId;
    }
}
