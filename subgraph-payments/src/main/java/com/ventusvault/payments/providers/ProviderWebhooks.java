package com.ventusvault.payments.providers;

import java.util.Optional;
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
     * @return the event, or empty when the signature is missing or wrong, or the body is not an event we understand
     *         (the caller answers 401 for a bad signature and logs it)
     */
    Optional<ProviderEvent> verify(ProviderName provider, HttpHeaders headers, byte[] rawBody);
}
