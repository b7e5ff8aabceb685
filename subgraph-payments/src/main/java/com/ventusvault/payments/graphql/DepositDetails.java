package com.ventusvault.payments.graphql;

import com.ventusvault.payments.payouts.ProviderDeposit;
import com.ventusvault.payments.providers.ProviderName;

/** {@code DepositDetails} as served: the provider charge behind a provider deposit. */
public record DepositDetails(ProviderName provider, String checkoutUrl, String providerReference) {

    static DepositDetails of(ProviderDeposit deposit) {
        return new DepositDetails(deposit.provider(), deposit.checkoutUrl(), deposit.providerReference());
    }
}
