package com.ventusvault.payments.graphql;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.ventusvault.platform.security.SigningKeySource;
import com.ventusvault.platform.testing.TestTokens;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import reactor.core.publisher.Mono;

/**
 * Tokens with chosen roles (the shared {@link TestTokens} only mints CUSTOMER ones), signed by a second key. Import
 * {@link Keys} so the app trusts both that key and the shared one.
 */
final class StaffTokens {

    private static final RSAKey KEY = generate();

    private StaffTokens() {
    }

    static String token(UUID userId, String email, String... roles) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(userId.toString()).issuer(TestTokens.ISSUER)
                .audience(TestTokens.AUDIENCE).claim("email", email).claim("roles", List.of(roles))
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(3600 * 24 * 30))).build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(KEY));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID("staff-" + UUID.randomUUID()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The app's key source: the shared test key and the staff key. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Keys {

        @Bean
        SigningKeySource signingKeySource() {
            List<JWK> keys = new ArrayList<>(PaymentsTestServer.TOKENS.publicKeys().getKeys());
            keys.add(KEY.toPublicJWK());
            return () -> Mono.just(new JWKSet(keys));
        }
    }
}
