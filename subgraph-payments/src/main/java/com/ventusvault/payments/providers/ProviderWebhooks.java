package com.ventusvault.payments.providers;

import org.springframework.http.HttpHeaders;

/**
 * Checks a webhook's signature with the provider's own scheme and maps it to a {@link ProviderEvent}.
 * Paystack: {@code x-paystack-signature} = hex HMAC-SHA512 of the raw body keyed with the secret key.
 * Flutterwave: {@code verif-hash} equal to the configured secret hash, or {@code flutterwave-signature} = base64
 * HMAC-SHA256 of the raw body keyed with the secret hash. Comparisons run in constant time.
 */
public interface ProviderWebhooks {

    /**
     * @param provider which provider's endpoint received it
     * @param headers  the request headers
     * @param rawBody  the body exactly as received (the signature is over these bytes, never over re-serialised JSON)
     * @return {@link WebhookVerification.Rejected} when the signature is missing or wrong (the caller answers 401),
     *         {@link WebhookVerification.Ignored} when it is correctly signed but not an event we act on, or not JSON
     *         (the caller answers 200, so the provider stops re-sending it), else {@link WebhookVerification.Accepted}
     */
    WebhookVerification verify(ProviderName provider, HttpHeaders headers, byte[] rawBody);
}
