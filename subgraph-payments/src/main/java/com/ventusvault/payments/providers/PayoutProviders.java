package com.ventusvault.payments.providers;

import com.ventusvault.payments.domain.Money;
import com.ventusvault.payments.domain.TransferKind;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * The one entry to the payment providers: picks a provider by score (health 50%, cost 30%, speed 20%), guards each
 * with a circuit breaker and retries with exponential backoff for retryable errors only, and fails over to the next
 * provider when one is unavailable, without ever paying a reference twice.
 */
public interface PayoutProviders {

    /**
     * Asks a provider whose account this is.
     *
     * @return the holder's name; {@link ProviderRejection} with code {@code INVALID_BANK_ACCOUNT} when the provider says
     *         the account does not exist; {@link ProviderUnavailable} when no provider could answer
     */
    Mono<ResolvedAccount> resolveAccount(String bankCode, String accountNumber, Optional<ProviderName> preferred);

    /**
     * Sends a payout. The reference is idempotent at each provider; it is never sent to a second provider unless the
     * first one confirms it does not have it (after an ambiguous failure such as a timeout, the first provider is asked
     * before moving on).
     *
     * @param preferred tried first when its breaker is closed; otherwise the router's choice
     * @return what the provider accepted; {@link ProviderRejection} for a non-retryable refusal;
     *         {@link ProviderUnavailable} when nothing could take it
     */
    Mono<Submission> send(PayoutOrder order, Optional<ProviderName> preferred);

    /** Where the provider says the transfer with this reference stands ({@code UNKNOWN} if it cannot tell). */
    Mono<ProviderStatus> status(ProviderName provider, String reference);

    /** Starts a hosted-checkout charge for a deposit at the given provider. */
    Mono<Checkout> startCharge(ChargeOrder order, ProviderName provider);

    /** The provider the router would pick now for a payout of this amount. */
    ProviderName choose(Money amount);

    /**
     * What the provider charges us for moving this amount (rounded UP at the currency scale).
     * PAYOUT: Paystack NGN 10 / 25 / 50 for amounts up to 5,000 / up to 50,000 / above; Flutterwave 10.75 / 26.88 /
     * 53.75. DEPOSIT: Paystack 1.5% + 100 (the 100 waived under 2,500), capped at 2,000; Flutterwave 1.4% capped at
     * 2,000. Other kinds: zero.
     */
    Money providerFee(ProviderName provider, TransferKind kind, Money amount);
}
