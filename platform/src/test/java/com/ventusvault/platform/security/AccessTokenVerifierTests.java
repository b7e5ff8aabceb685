package com.ventusvault.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ventusvault.platform.security.AccessTokenVerifier.InvalidTokenException;
import com.ventusvault.platform.security.AccessTokenVerifier.KeysUnavailableException;
import com.ventusvault.platform.testing.TestTokens;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class AccessTokenVerifierTests {

    private static final UUID USER = UUID.fromString("6d1f5c1e-2b7a-4c9e-9a51-0f6a1d2b3c4d");

    private static TestTokens tokens;
    private static AccessTokenVerifier verifier;

    @BeforeAll
    static void start() {
        tokens = TestTokens.start();
        verifier = new AccessTokenVerifier(properties(Duration.ZERO),
                SigningKeySource.remote(WebClient.create(), URI.create(tokens.jwksUri())), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        tokens.close();
    }

    @Test
    void acceptsATokenSignedByThePublishedKey() {
        Viewer viewer = verifier.verify(tokens.tokenFor(USER, "ada@example.com")).block();

        assertThat(viewer).isEqualTo(new Viewer(USER, "ada@example.com", List.of("CUSTOMER")));
    }

    @Test
    void readsTheScopesOfTheScopeClaim() {
        Viewer viewer = verifier.verify(tokens.tokenWithScope(USER, "sam@example.com", " users:read  ledger:read users:read ")).block();

        assertThat(viewer.scopes()).containsExactlyInAnyOrder("users:read", "ledger:read");
        assertThat(verifier.verify(tokens.tokenFor(USER, "ada@example.com")).block().scopes()).isEmpty();
    }

    @Test
    void refusesAnExpiredToken() {
        assertRefused(tokens.expiredTokenFor(USER, "ada@example.com"), "expired");
    }

    @Test
    void refusesATokenSignedByAnotherKeyUnderTheSameKid() {
        assertRefused(tokens.tokenSignedByAnotherKey(USER, "ada@example.com"), "signature");
    }

    @Test
    void refusesATamperedPayload() {
        String[] parts = tokens.tokenFor(USER, "ada@example.com").split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace(USER.toString(), UUID.randomUUID().toString());
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        assertRefused(forged, "signature");
    }

    @Test
    void refusesAlgNone() {
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"sub\":\"" + USER + "\",\"iss\":\"" + TestTokens.ISSUER + "\",\"aud\":\"" + TestTokens.AUDIENCE
                        + "\",\"exp\":9999999999}").getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> verifier.verify(header + "." + payload + ".").block())
                .isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void refusesAnotherIssuer() {
        assertRefused(tokens.token(USER, "ada@example.com", "https://evil.example", TestTokens.AUDIENCE,
                Instant.now().plusSeconds(600)), "issued by someone else");
    }

    @Test
    void refusesAnotherAudience() {
        assertRefused(tokens.token(USER, "ada@example.com", TestTokens.ISSUER, "another-api",
                Instant.now().plusSeconds(600)), "not meant for this API");
    }

    @Test
    void requestsArrivingWhileTheKeysAreFetchedShareTheFetchAndAllPass() {
        AtomicInteger fetches = new AtomicInteger();
        SigningKeySource slow = () -> Mono.fromCallable(() -> {
            fetches.incrementAndGet();
            return tokens.publicKeys();
        }).delayElement(Duration.ofMillis(300));
        AccessTokenVerifier fresh = new AccessTokenVerifier(properties(Duration.ofSeconds(30)), slow, Clock.systemUTC());
        String token = tokens.tokenFor(USER, "ada@example.com");

        List<Viewer> viewers = Flux.range(0, 5).flatMap(i -> fresh.verify(token)).collectList().block();

        assertThat(viewers).hasSize(5).allSatisfy(v -> assertThat(v.userId()).isEqualTo(USER));
        assertThat(fetches).hasValue(1);
    }

    @Test
    void keysThatCannotBeFetchedAreOurFailureAndNameNoInternalHost() {
        SigningKeySource down = () -> Mono.error(new ConnectException("Connection refused: accounts-internal.svc:4001"));
        AccessTokenVerifier broken = new AccessTokenVerifier(properties(Duration.ZERO), down, Clock.systemUTC());

        assertThatThrownBy(() -> broken.verify(tokens.tokenFor(USER, "ada@example.com")).block())
                .isInstanceOf(KeysUnavailableException.class)
                .hasMessageNotContaining("accounts-internal");
    }

    @Test
    void refusesGarbage() {
        assertRefused("not-a-jwt", "not a signed JWT");
    }

    private static AuthProperties properties(Duration refreshInterval) {
        return new AuthProperties(TestTokens.ISSUER, TestTokens.AUDIENCE, URI.create(tokens.jwksUri()), refreshInterval);
    }

    private static void assertRefused(String token, String reason) {
        assertThatThrownBy(() -> verifier.verify(token).block())
                .isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining(reason);
    }
}
