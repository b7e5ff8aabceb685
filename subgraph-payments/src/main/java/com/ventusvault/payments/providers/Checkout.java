package com.ventusvault.payments.providers;

import java.util.Objects;

/**
 * A started charge: where the payer goes to pay.
 *
 * @param provider          the provider collecting the money
 * @param checkoutUrl       the hosted payment page
 * @param providerReference the provider's reference of the charge (Paystack access_code, Flutterwave reference)
 */
public record Checkout(ProviderName provider, String checkoutUrl, String providerReference) {

    public Checkout {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(checkoutUrl, "checkoutUrl");
        providerReference = providerReference == null ? "" : providerReference;
    }
}
