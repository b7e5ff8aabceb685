package com.ventusvault.payments.payouts;

import com.ventusvault.payments.domain.TransferId;
import com.ventusvault.payments.providers.ProviderName;

/** The provider charge behind a DEPOSIT transfer (a {@code provider_deposit} row). */
public record ProviderDeposit(TransferId transfer, ProviderName provider, String checkoutUrl, String providerReference) {
}
