package com.ventusvault.platform.security;

import com.nimbusds.jose.jwk.JWKSet;
import java.net.URI;
import java.text.ParseException;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Where the public keys that verify access tokens come from. Subgraphs read the accounts JWKS over HTTP
 * ({@link #remote}); accounts, which holds the keys, supplies its own bean instead of calling itself.
 */
@FunctionalInterface
public interface SigningKeySource {

    /** The current key set; called on first use and again when a token names an unknown {@code kid}. */
    Mono<JWKSet> fetch();

    /** The JWKS document at {@code uri}. */
    static SigningKeySource remote(WebClient webClient, URI uri) {
        return () -> webClient.get().uri(uri).retrieve().bodyToMono(String.class).map(body -> {
            try {
                return JWKSet.parse(body);
            } catch (ParseException e) {
                throw new IllegalStateException("JWKS at " + uri + " is not valid: " + e.getMessage(), e);
            }
        });
    }
}
