package com.ventusvault.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ventusvault.platform.security.AccessTokenVerifier.InvalidTokenException;
import com.ventusvault.platform.testing.TestTokens;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

/** A verified token is remembered until its exp and never after: once expired it gets the full check (and refusal). */
class RememberedTokensTests {

    private static final UUID USER = UUID.fromString("0b7e3f7c-9a51-4c1e-8d2b-3c4d6d1f5c1e");

    private static TestTokens tokens;

    @BeforeAll
    static void start() {
        tokens = TestTokens.start();
    }

    @AfterAll
    static void stop() {
        tokens.close();
    }

    @Test
    void aRememberedTokenIsRefusedOnceItsExpiryAndTheClockSkewHavePassed() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        AtomicReference<Instant> time = new AtomicReference<>(now);
        AccessTokenVerifier verifier = new AccessTokenVerifier(
                new AuthProperties(TestTokens.ISSUER, TestTokens.AUDIENCE, URI.create(tokens.jwksUri()), Duration.ZERO),
                SigningKeySource.remote(WebClient.create(), URI.create(tokens.jwksUri())), new MovableClock(time));
        String token = tokens.token(USER, "ada@example.com", TestTokens.ISSUER, TestTokens.AUDIENCE, now.plusSeconds(60));

        Viewer ada = new Viewer(USER, "ada@example.com", List.of("CUSTOMER"));
        assertThat(verifier.verify(token).block()).isEqualTo(ada);
        assertThat(verifier.verify(token).block()).isEqualTo(ada);

        time.set(now.plusSeconds(60 + 31));
        assertThatThrownBy(() -> verifier.verify(token).block()).isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("expired");
        // Refusals are not remembered either: it stays refused, and another valid token is still accepted.
        assertThatThrownBy(() -> verifier.verify(token).block()).hasMessageContaining("expired");
        String fresh = tokens.token(USER, "ada@example.com", TestTokens.ISSUER, TestTokens.AUDIENCE, now.plusSeconds(600));
        assertThat(verifier.verify(fresh).block()).isEqualTo(ada);
    }

    @Test
    void aTamperedCopyOfARememberedTokenIsStillRefused() {
        AccessTokenVerifier verifier = new AccessTokenVerifier(
                new AuthProperties(TestTokens.ISSUER, TestTokens.AUDIENCE, URI.create(tokens.jwksUri()), Duration.ZERO),
                SigningKeySource.remote(WebClient.create(), URI.create(tokens.jwksUri())), Clock.systemUTC());
        String token = tokens.tokenFor(USER, "ada@example.com");
        verifier.verify(token).block();

        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        assertThatThrownBy(() -> verifier.verify(tampered).block()).isInstanceOf(InvalidTokenException.class);
    }

    private static final class MovableClock extends Clock {
        private final AtomicReference<Instant> time;

        MovableClock(AtomicReference<Instant> time) {
            this.time = time;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return time.get();
        }
    }
}
