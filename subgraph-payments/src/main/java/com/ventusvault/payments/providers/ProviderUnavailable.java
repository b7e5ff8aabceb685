package com.ventusvault.payments.providers;

/**
 * No provider could take the request: every breaker is open, or every provider failed with retryable errors, or the
 * only provider allowed (one that may already hold the reference) cannot be reached. Nothing was sent that is not
 * accounted for: when a request may have reached a provider, the router asks that provider before moving on, and if it
 * cannot tell, it stops here rather than risk a second send. The caller retries later with the same reference.
 */
public class ProviderUnavailable extends RuntimeException {

    public ProviderUnavailable(String message) {
        super(message);
    }

    public ProviderUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
