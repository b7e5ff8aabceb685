package com.ventusvault.accounts.config;

import com.ventusvault.accounts.tokens.SigningKeys;
import com.ventusvault.platform.security.AccessTokenVerifier;
import com.ventusvault.platform.security.AuthProperties;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Accounts is the token issuer, so it verifies tokens (for {@code me}, {@code _entities} and the internal lookup)
 * against the keys it holds rather than fetching its own JWKS over HTTP from {@code ventus.auth.jwks-uri}: no
 * dependency on its own port being reachable (random ports in tests, a load balancer in production), no
 * chicken-and-egg at startup. The platform's {@link AccessTokenVerifier} is kept, with all its checks (RS256, kid,
 * expiry, issuer, audience); only where it reads the JWK set from changes, to an in-process answer of the same
 * document {@code /.well-known/jwks.json} serves.
 */
@Configuration(proxyBeanMethods = false)
class OwnKeysVerification {

    @Bean
    static BeanPostProcessor verifyWithOwnKeys(ObjectProvider<SigningKeys> keys, ObjectProvider<AuthProperties> auth,
                                               ObjectProvider<Clock> clock) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof AccessTokenVerifier) {
                    return new AccessTokenVerifier(auth.getObject(), ownJwks(keys.getObject()), clock.getObject());
                }
                return bean;
            }
        };
    }

    private static WebClient ownJwks(SigningKeys keys) {
        String body = keys.publicKeys().toString(true);
        return WebClient.builder()
                .exchangeFunction(request -> Mono.just(ClientResponse.create(HttpStatus.OK)
                        .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
                        .body(body)
                        .build()))
                .build();
    }
}
