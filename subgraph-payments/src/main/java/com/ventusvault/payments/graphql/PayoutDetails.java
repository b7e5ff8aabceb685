package com.ventusvault.payments.graphql;

import com.ventusvault.payments.payouts.PayoutDetail;
import com.ventusvault.payments.providers.ProviderName;

/**
 * {@code PayoutDetails} as served: the bank account shows its last four digits only; {@code providerReference} (our
 * transfer id, the provider's idempotency key) appears once a provider has the payout.
 */
public record PayoutDetails(ProviderName provider, String bankCode, String accountNumberLast4, String accountName,
                            String providerReference) {

    static PayoutDetails of(PayoutDetail detail, boolean sent) {
        return new PayoutDetails(detail.provider(), detail.bankCode(), detail.accountNumberLast4(), detail.accountName(),
                sent ? detail.transfer().toString() : null);
    }
}
