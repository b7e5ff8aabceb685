package com.ventusvault.platform.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * A stand-in for the accounts token issuer in other subgraphs' tests: a real RSA key, a real JWKS served over HTTP on
 * a free loopback port, and tokens minted the way accounts mints them (or deliberately wrong, to test refusals).
 */
public final class TestTokens implements AutoCloseable {

    public static final String ISSUER = "https://accounts.ventusvault.local";
    public static final String AUDIENCE = "ventusvault-api";

    private final RSAKey key;
    private final HttpServer server;

    private TestTokens(RSAKey key, HttpServer server) {
        this.key = key;
        this.server = server;
    }

    /** Generates a key and starts serving its JWKS at {@link #jwksUri()}. */
    public static TestTokens start() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID("test-" + UUID.randomUUID()).generate();
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/.well-known/jwks.json", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return new TestTokens(key, server);
        } catch (JOSEException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String jwksUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json";
    }

    /** A valid access token for the user. */
    public String tokenFor(UUID userId, String email) {
        return sign(key, claims(userId, email, ISSUER, AUDIENCE, Instant.now().plus(Duration.ofMinutes(15))));
    }

    /** A valid access token whose {@code scope} claim grants {@code scope} (space-separated), as accounts mints for staff. */
    public String tokenWithScope(UUID userId, String email, String scope) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder(claims(userId, email, ISSUER, AUDIENCE,
                Instant.now().plus(Duration.ofMinutes(15)))).claim("scope", scope).build();
        return sign(key, claims);
    }

    /** A token with the claims given, signed by the published key: for tests of what a verifier refuses. */
    public String token(UUID userId, String email, String issuer, String audience, Instant expiry) {
        return sign(key, claims(userId, email, issuer, audience, expiry));
    }

    /** The published key set, for verifiers that take keys without HTTP. */
    public JWKSet publicKeys() {
        return new JWKSet(key.toPublicJWK());
    }

    /** The private signing key whose public half {@link #jwksUri()} publishes (for {@link TokenAttack}). */
    public RSAKey signingKey() {
        return key;
    }

    /** A token that expired a minute ago. */
    public String expiredTokenFor(UUID userId, String email) {
        return sign(key, claims(userId, email, ISSUER, AUDIENCE, Instant.now().minus(Duration.ofMinutes(5))));
    }

    /** A well-formed token signed by a key the JWKS does not publish under this kid. */
    public String tokenSignedByAnotherKey(UUID userId, String email) {
        try {
            RSAKey other = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
            return sign(other, claims(userId, email, ISSUER, AUDIENCE, Instant.now().plus(Duration.ofMinutes(15))));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JWTClaimsSet claims(UUID userId, String email, String issuer, String audience, Instant expiry) {
        return new JWTClaimsSet.Builder().subject(userId.toString()).issuer(issuer).audience(audience)
                .claim("email", email).claim("roles", List.of("CUSTOMER"))
                .issueTime(new Date()).expirationTime(Date.from(expiry)).build();
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
