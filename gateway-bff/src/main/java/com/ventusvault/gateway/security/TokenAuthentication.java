package com.ventusvault.gateway.security;

import com.ventusvault.platform.security.AccessTokenVerifier;
import com.ventusvault.platform.security.AccessTokenVerifier.InvalidTokenException;
import com.ventusvault.platform.security.AccessTokenVerifier.KeysUnavailableException;
import reactor.core.publisher.Mono;

/**
 * Reads {@code Authorization: Bearer <token>} and verifies the token with the same {@link AccessTokenVerifier} every
 * subgraph uses (RS256 signature against the accounts JWKS, {@code exp}, {@code iss}, {@code aud}; {@code alg: none}
 * and every other algorithm refused). A token seen before is answered from the verifier's remembered tokens, so a
 * client's repeated requests cost a map lookup, not a signature check.
 */
public final class TokenAuthentication {

    private static final String BEARER = "Bearer ";

    private final AccessTokenVerifier verifier;

    public TokenAuthentication(AccessTokenVerifier verifier) {
        this.verifier = verifier;
    }

    /** The credentials {@code authorization} (the header's value, or null) carries. */
    public Mono<Credentials> authenticate(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return Mono.just(Credentials.NONE);
        }
        if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || authorization.substring(BEARER.length()).isBlank()) {
            return Mono.just(new Credentials.Refused("the Authorization header must be 'Bearer <accessToken>'"));
        }
        return verifier.verify(authorization.substring(BEARER.length()).strip())
                .<Credentials>map(Credentials.Verified::new)
                .onErrorResume(InvalidTokenException.class, e -> Mono.just(new Credentials.Refused(e.getMessage())))
                .onErrorResume(KeysUnavailableException.class, e -> Mono.just(new Credentials.Unverifiable()));
    }
}
