package com.ventusvault.payments.providers;

import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * One provider's API, mapped to our types (no retries, no breaker: the router adds those). Every method fails with
 * {@link RetryableProviderFailure} (IO, timeout, 5xx, 429) or {@link ProviderRejection} (any other refusal).
 */
interface ProviderClient {

    ProviderName name();

    Mono<ResolvedAccount> resolve(String bankCode, String accountNumber);

    /** Sends the payout; a reference the provider already holds answers with what it holds (never a second payout). */
    Mono<Submission> send(PayoutOrder order);

    /** What the provider holds under the reference; empty when it confirms it has nothing. */
    Mono<Optional<ProviderTransfer>> find(String reference);

    Mono<Checkout> startCharge(ChargeOrder order);
}
