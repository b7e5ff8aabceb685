package com.ventusvault.payments.providers;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the provider clients, one circuit breaker and one retry per provider, the router ({@link PayoutProviders})
 * and the webhook verifier ({@link ProviderWebhooks}) from {@link ProvidersProperties}.
 *
 * <p>Breaker: count-based window of {@code failure-threshold} calls, opening at a 100% failure rate, i.e. after that
 * many consecutive failures; only {@link RetryableProviderFailure}s count as failures (a refusal means the provider is
 * up). It half-opens by itself after {@code open-duration} and lets one trial call through. Retry: up to
 * {@code max-retries} more attempts, exponential backoff from {@code initial-backoff} doubling to {@code max-backoff},
 * retryable failures only.
 */
@Configuration(proxyBeanMethods = false)
class ProvidersConfiguration {

    @Bean
    PayoutProviders payoutProviders(ProvidersProperties properties) {
        CircuitBreakerConfig breaker = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(properties.breaker().failureThreshold())
                .minimumNumberOfCalls(properties.breaker().failureThreshold())
                .failureRateThreshold(100)
                .waitDurationInOpenState(properties.breaker().openDuration())
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordException(e -> e instanceof RetryableProviderFailure)
                .build();
        RetryConfig retry = RetryConfig.custom()
                .maxAttempts(properties.retry().maxRetries() + 1)
                .intervalFunction(IntervalFunction.ofExponentialBackoff(properties.retry().initialBackoff(), 2.0,
                        properties.retry().maxBackoff()))
                .retryOnException(e -> e instanceof RetryableProviderFailure)
                .failAfterMaxAttempts(false)
                .build();
        Map<ProviderName, CircuitBreaker> breakers = new EnumMap<>(ProviderName.class);
        Map<ProviderName, Retry> retries = new EnumMap<>(ProviderName.class);
        for (ProviderName name : ProviderName.values()) {
            breakers.put(name, CircuitBreaker.of("payments-provider-" + name, breaker));
            retries.put(name, Retry.of("payments-provider-" + name, retry));
        }
        List<ProviderClient> clients = List.of(new PaystackClient(properties), new FlutterwaveClient(properties));
        return new RoutedPayoutProviders(clients, breakers, retries);
    }

    @Bean
    ProviderWebhooks providerWebhooks(ProvidersProperties properties) {
        return new SignedProviderWebhooks(properties);
    }
}
