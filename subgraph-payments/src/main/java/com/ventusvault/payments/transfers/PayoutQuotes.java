package com.ventusvault.payments.transfers;

import com.ventusvault.payments.domain.Money;
import com.ventusvault.payments.providers.ProviderName;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Quotes payouts for {@code feeQuote(kind: PAYOUT)}: the platform's part from the fee schedule plus the provider's
 * charge, for the provider asked for or the one the router would choose now. Implemented by the payouts side; while
 * no bean exists, {@link FeeQuotes} falls back to the {@code PayoutProviders} bean, and without that answers
 * BAD_REQUEST "payouts are not configured".
 */
public interface PayoutQuotes {

    /** The quote for paying out {@code amount} (NGN) through {@code provider}, or the router's choice when empty. */
    Mono<FeeQuote> quote(Money amount, Optional<ProviderName> provider);
}
