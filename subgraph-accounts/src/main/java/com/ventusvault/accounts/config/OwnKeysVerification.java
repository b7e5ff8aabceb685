package com.ventusvault.accounts.config;

import com.ventusvault.accounts.tokens.SigningKeys;
import com.ventusvault.platform.security.SigningKeySource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;

/**
 * Accounts is the token issuer, so it verifies tokens (for {@code me}, {@code _entities} and the internal lookup)
 * against the keys it holds rather than fetching its own JWKS over HTTP from {@code ventus.auth.jwks-uri}: no
 * dependency on its own port being reachable (random ports in tests, a load balancer in production), no
 * chicken-and-egg at startup. The platform's verifier and all its checks (RS256, kid, expiry, issuer, audience) stay;
 * only the key source changes, to the same public key set {@code /.well-known/jwks.json} serves.
 */
@Configuration(proxyBeanMethods = false)
class OwnKeysVerification {

    @Bean
    SigningKeySource ownSigningKeys(SigningKeys keys) {
        return () -> Mono.just(keys.publicKeys());
    }
}
