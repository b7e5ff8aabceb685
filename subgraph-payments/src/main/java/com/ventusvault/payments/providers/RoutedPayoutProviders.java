package com.ventusvault.payments.providers;

import com.ventusvault.payments.domain.Currency;
import com.ventusvault.payments.domain.Money;
import com.ventusvault.payments.domain.TransferKind;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.Retry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The {@link PayoutProviders} bean: every call to a provider runs through that provider's circuit breaker (each
 * attempt counts) inside its retry (retryable failures only), and payouts go to the best-scored provider whose breaker
 * is not open ({@link ProviderScore}), failing over to the next one.
 *
 * <p>Never a double send: a payout moves on to another provider only when the first one certainly did not get it
 * (refused connection, 429, open breaker) or, after an ambiguous failure (timeout, cut connection, 5xx), when the
 * first provider, asked for the reference (without its breaker: the question is what keeps money safe), answers that
 * it has nothing. If it holds the transfer, that is the result; if it cannot be asked, {@link ProviderUnavailable}.
 */
final class RoutedPayoutProviders implements PayoutProviders {

    private static final Logger log = LoggerFactory.getLogger(RoutedPayoutProviders.class);

    private record Guard(ProviderClient client, CircuitBreaker breaker, Retry retry, ProviderHealth health) {
    }

    private final Map<ProviderName, Guard> guards = new EnumMap<>(ProviderName.class);

    RoutedPayoutProviders(List<ProviderClient> clients, Map<ProviderName, CircuitBreaker> breakers,
                          Map<ProviderName, Retry> retries) {
        for (ProviderClient client : clients) {
            ProviderName name = client.name();
            guards.put(name, new Guard(client, breakers.get(name), retries.get(name), new ProviderHealth()));
        }
    }

    /** The breaker of one provider (for health reporting and tests). */
    CircuitBreaker breaker(ProviderName provider) {
        return guards.get(provider).breaker();
    }

    /**
     * Runs one call with retries; each attempt goes through the breaker (unless {@code throughBreaker} is false) and is
     * recorded in the provider's health. {@code ambiguous} is set when any attempt may have reached the provider.
     */
    private <T> Mono<T> guarded(ProviderName provider, Supplier<Mono<T>> call, boolean throughBreaker,
                                AtomicBoolean ambiguous) {
        Guard guard = guards.get(provider);
        Mono<T> attempt = Mono.defer(() -> {
            long started = System.nanoTime();
            return call.get()
                    .doOnSuccess(v -> guard.health().record(true, Duration.ofNanos(System.nanoTime() - started)))
                    .doOnError(e -> {
                        boolean retryable = e instanceof RetryableProviderFailure;
                        guard.health().record(!retryable, Duration.ofNanos(System.nanoTime() - started));
                        // Only a failure known to be clean (never connected, 429) leaves a send unambiguous.
                        boolean clean = e instanceof ProviderRejection
                                || e instanceof RetryableProviderFailure f && !f.ambiguous();
                        if (!clean) {
                            ambiguous.set(true);
                        }
                    });
        });
        if (throughBreaker) {
            attempt = attempt.transformDeferred(CircuitBreakerOperator.of(guard.breaker()));
        }
        return attempt.transformDeferred(RetryOperator.of(guard.retry()));
    }

    private <T> Mono<T> guarded(ProviderName provider, Supplier<Mono<T>> call) {
        return guarded(provider, call, true, new AtomicBoolean());
    }

    /** Providers whose breaker lets calls through, best first; the preferred one leads when it is among them. */
    List<ProviderName> ranking(Money amount, Optional<ProviderName> preferred) {
        List<ProviderScore.Input> inputs = new ArrayList<>();
        guards.forEach((name, guard) -> {
            double breaker = switch (guard.breaker().getState()) {
                case CLOSED, DISABLED, METRICS_ONLY -> 1.0;
                case HALF_OPEN -> 0.5;
                case OPEN, FORCED_OPEN -> 0.0;
            };
            if (breaker > 0) {
                inputs.add(new ProviderScore.Input(name, breaker, guard.health().successRate(),
                        providerFee(name, TransferKind.PAYOUT, amount), guard.health().latencyMillis()));
            }
        });
        if (inputs.isEmpty()) {
            return List.of();
        }
        List<ProviderName> ranked = new ArrayList<>(ProviderScore.rank(inputs).stream().map(ProviderScore::provider).toList());
        preferred.filter(ranked::contains).ifPresent(p -> {
            ranked.remove(p);
            ranked.addFirst(p);
        });
        return ranked;
    }

    @Override
    public ProviderName choose(Money amount) {
        List<ProviderName> ranked = ranking(amount, Optional.empty());
        if (ranked.isEmpty()) {
            throw new ProviderUnavailable("Every payment provider's circuit breaker is open");
        }
        return ranked.getFirst();
    }

    @Override
    public Money providerFee(ProviderName provider, TransferKind kind, Money amount) {
        return ProviderPricing.fee(provider, kind, amount);
    }

    @Override
    public Mono<ResolvedAccount> resolveAccount(String bankCode, String accountNumber, Optional<ProviderName> preferred) {
        return Mono.defer(() -> resolveAt(ranking(Money.zero(Currency.NGN), preferred), 0, bankCode, accountNumber, null));
    }

    private Mono<ResolvedAccount> resolveAt(List<ProviderName> order, int index, String bankCode, String accountNumber,
                                            Throwable last) {
        if (index >= order.size()) {
            return Mono.error(new ProviderUnavailable("No payment provider could resolve the account", last));
        }
        ProviderName provider = order.get(index);
        return guarded(provider, () -> guards.get(provider).client().resolve(bankCode, accountNumber))
                .onErrorResume(e -> !(e instanceof ProviderRejection),
                        e -> resolveAt(order, index + 1, bankCode, accountNumber, e));
    }

    @Override
    public Mono<Submission> send(PayoutOrder order, Optional<ProviderName> preferred) {
        return Mono.defer(() -> sendAt(ranking(order.amount(), preferred), 0, order, null));
    }

    private Mono<Submission> sendAt(List<ProviderName> order, int index, PayoutOrder payout, Throwable last) {
        if (index >= order.size()) {
            return Mono.error(new ProviderUnavailable("No payment provider could take payout " + payout.reference(), last));
        }
        ProviderName provider = order.get(index);
        AtomicBoolean ambiguous = new AtomicBoolean();
        return guarded(provider, () -> guards.get(provider).client().send(payout), true, ambiguous)
                .onErrorResume(e -> {
                    if (ambiguous.get()) {
                        // Even a refusal on a later attempt does not undo an earlier attempt that may have gone through.
                        return settleAmbiguous(order, index, payout, e);
                    }
                    if (e instanceof ProviderRejection) {
                        return Mono.error(e);
                    }
                    log.info("Payout {} not taken by {} ({}); trying the next provider", payout.reference(),
                            provider, e.toString());
                    return sendAt(order, index + 1, payout, e);
                });
    }

    /**
     * After an ambiguous failure: the provider's own word on the reference decides. It holds the transfer: that is the
     * result. It confirms it has nothing: the refusal stands if the last attempt was refused, else the next provider.
     */
    private Mono<Submission> settleAmbiguous(List<ProviderName> order, int index, PayoutOrder payout, Throwable cause) {
        ProviderName provider = order.get(index);
        return guarded(provider, () -> guards.get(provider).client().find(payout.reference()), false, new AtomicBoolean())
                .onErrorMap(e -> new ProviderUnavailable("Payout " + payout.reference() + " may have reached " + provider
                        + " and it cannot tell; not sending it anywhere else", cause))
                .flatMap(held -> held
                        .map(t -> Mono.just(new Submission(provider, t.providerTransferId(), t.state())))
                        .orElseGet(() -> {
                            if (cause instanceof ProviderRejection) {
                                return Mono.error(cause);
                            }
                            log.info("{} confirms it has no payout {}; trying the next provider", provider,
                                    payout.reference());
                            return sendAt(order, index + 1, payout, cause);
                        }));
    }

    @Override
    public Mono<ProviderStatus> status(ProviderName provider, String reference) {
        return guarded(provider, () -> guards.get(provider).client().find(reference))
                .map(held -> held
                        .map(t -> new ProviderStatus(t.state(), t.reason()))
                        .orElseGet(() -> new ProviderStatus(ProviderState.FAILED,
                                "NOT_FOUND: " + provider + " has no transfer with this reference")))
                .onErrorResume(e -> Mono.just(new ProviderStatus(ProviderState.UNKNOWN, String.valueOf(e.getMessage()))));
    }

    @Override
    public Mono<Checkout> startCharge(ChargeOrder order, ProviderName provider) {
        return guarded(provider, () -> guards.get(provider).client().startCharge(order))
                .onErrorMap(e -> !(e instanceof ProviderRejection),
                        e -> new ProviderUnavailable(provider + " cannot start a charge now", e));
    }

}
