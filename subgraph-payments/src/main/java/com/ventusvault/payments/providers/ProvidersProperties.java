package com.ventusvault.payments.providers;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the payment providers are and how hard to try them ({@code ventus.payments.providers.*}). Secrets come from
 * the environment ({@code PAYSTACK_SECRET_KEY}, {@code FLUTTERWAVE_SECRET_KEY}, {@code FLUTTERWAVE_SECRET_HASH}) through
 * {@code payments.yml}; the defaults point at the local provider simulator.
 *
 * @param paystack       Paystack's base URL and secret key (also the key of its webhook HMAC)
 * @param flutterwave    Flutterwave's base URL, secret key and webhook secret hash
 * @param connectTimeout how long to wait for a TCP connection (failing fast here is a clean, retryable failure)
 * @param readTimeout    how long to wait for an answer once the request is sent; running out is an ambiguous failure
 *                       (the provider may have acted), resolved by asking for the reference's status
 * @param breaker        per-provider circuit breaker
 * @param retry          per-provider retries of retryable failures (IO, timeout, 5xx, 429)
 */
@ConfigurationProperties("ventus.payments.providers")
public record ProvidersProperties(
        @DefaultValue Paystack paystack,
        @DefaultValue Flutterwave flutterwave,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue Breaker breaker,
        @DefaultValue Retry retry) {

    public ProvidersProperties {
        if (readTimeout.isNegative() || readTimeout.isZero() || connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("ventus.payments.providers timeouts must be positive");
        }
    }

    /**
     * @param baseUrl   e.g. {@code https://api.paystack.co}; default the simulator, {@code http://localhost:4010/paystack}
     * @param secretKey sent as {@code Authorization: Bearer ...}; verifies {@code x-paystack-signature}
     */
    public record Paystack(@DefaultValue("http://localhost:4010/paystack") URI baseUrl,
                           @DefaultValue("sk_test_ventus_simulator") String secretKey) {
    }

    /**
     * @param baseUrl    e.g. {@code https://api.flutterwave.com} (the client adds {@code /v3}); default the simulator
     * @param secretKey  sent as {@code Authorization: Bearer ...}
     * @param secretHash  the dashboard's webhook secret hash: {@code verif-hash} must equal it, and it keys the
     *                    HMAC-SHA256 of {@code flutterwave-signature}
     * @param redirectUrl where Flutterwave's hosted checkout sends the payer afterwards (required by its API)
     */
    public record Flutterwave(@DefaultValue("http://localhost:4010/flutterwave") URI baseUrl,
                              @DefaultValue("FLWSECK_TEST-ventus-simulator") String secretKey,
                              @DefaultValue("ventus-simulator-hash") String secretHash,
                              @DefaultValue("http://localhost:4000/") String redirectUrl) {
    }

    /**
     * @param failureThreshold consecutive failed calls that open the breaker (default 5)
     * @param openDuration     how long it stays open before one trial call is let through (default 60 s)
     */
    public record Breaker(@DefaultValue("5") int failureThreshold, @DefaultValue("60s") Duration openDuration) {

        public Breaker {
            if (failureThreshold < 1) {
                throw new IllegalArgumentException("ventus.payments.providers.breaker.failure-threshold must be >= 1");
            }
        }
    }

    /**
     * @param maxRetries     retries after the first attempt (default 3), only for retryable failures
     * @param initialBackoff wait before the first retry, doubled each time (default 1 s)
     * @param maxBackoff     the longest wait (default 10 s)
     */
    public record Retry(@DefaultValue("3") int maxRetries, @DefaultValue("1s") Duration initialBackoff,
                        @DefaultValue("10s") Duration maxBackoff) {

        public Retry {
            if (maxRetries < 0 || initialBackoff.isNegative() || initialBackoff.isZero()
                    || maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalArgumentException("ventus.payments.providers.retry: max-retries >= 0 and "
                        + "0 < initial-backoff <= max-backoff");
            }
        }
    }
}
