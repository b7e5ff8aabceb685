package com.ventusvault.payments.providers;

/**
 * A failure worth trying again: the provider could not be reached, timed out, answered 5xx or 429.
 * {@code ambiguous} is true when the request may have reached the provider and been acted on (timeout after sending,
 * connection cut mid-answer, 5xx): before sending the same payout elsewhere, ask this provider about the reference.
 */
class RetryableProviderFailure extends RuntimeException {

    private final ProviderName provider;
    private final boolean ambiguous;

    RetryableProviderFailure(ProviderName provider, String message, boolean ambiguous, Throwable cause) {
        super(provider + ": " + message, cause);
        this.provider = provider;
        this.ambiguous = ambiguous;
    }

    ProviderName provider() {
        return provider;
    }

    boolean ambiguous() {
        return ambiguous;
    }
}
