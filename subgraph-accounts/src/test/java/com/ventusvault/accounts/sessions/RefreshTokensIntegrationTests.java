package com.ventusvault.accounts.sessions;

import static com.ventusvault.accounts.AuthClient.errorCodes;
import static org.assertj.core.api.Assertions.assertThat;

import com.ventusvault.accounts.AccountsIntegrationTest;
import com.ventusvault.accounts.AuthClient;
import com.ventusvault.accounts.AuthClient.Tokens;
import com.ventusvault.platform.testing.MutableClock;
import com.ventusvault.accounts.SentNotifications;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

@AccountsIntegrationTest
@Import(MutableClock.Configuration.class)
class RefreshTokensIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    DatabaseClient database;

    @Autowired
    MutableClock clock;

    AuthClient client;

    @BeforeEach
    void connect() {
        client = new AuthClient(port);
    }

    @Test
    void refreshTokenIsExchangedForANewSessionAndANewRefreshToken() {
        String email = AuthClient.uniqueEmail("rotate");
        client.register(email, null);
        GraphQlTester.Response login = client.login(email, AuthClient.PASSWORD, null, null);
        Tokens first = AuthClient.tokens(login, "login");
        Instant refreshExpiresAt = Instant.parse(login.path("login.session.refreshExpiresAt").entity(String.class).get());
        assertThat(refreshExpiresAt).isCloseTo(clock.instant().plus(Duration.ofDays(30)),
                org.assertj.core.api.Assertions.within(1, java.time.temporal.ChronoUnit.MINUTES));
        assertThat(first.refresh()).matches("[A-Za-z0-9_-]{43}");

        GraphQlTester.Response refreshed = client.refresh(first.refresh());
        assertThat(errorCodes(refreshed, "refreshSession")).isEmpty();
        Tokens second = AuthClient.tokens(refreshed, "refreshSession");
        assertThat(second.refresh()).isNotEqualTo(first.refresh());
        assertThat(second.access()).isNotEqualTo(first.access());
        refreshed.path("refreshSession.session.user.email").entity(String.class).isEqualTo(email);
        assertThat(client.idOf(second)).isEqualTo(client.idOf(first));

        Tokens third = AuthClient.tokens(client.refresh(second.refresh()), "refreshSession");
        assertThat(third.refresh()).isNotEqualTo(second.refresh());
    }

    @Test
    void storesOnlyADigestOfTheRefreshToken() {
        String email = AuthClient.uniqueEmail("digest");
        Tokens tokens = client.register(email, null);
        Long plain = database.sql("select count(*) from refresh_token where encode(token_hash, 'escape') like :token "
                        + "or encode(token_hash, 'hex') = :token or encode(token_hash, 'base64') = :token")
                .bind("token", tokens.refresh()).map(row -> row.get(0, Long.class)).one().block();
        assertThat(plain).isZero();
    }

    @Test
    void replayingAnExchangedRefreshTokenRevokesTheWholeFamily() {
        String email = AuthClient.uniqueEmail("replay");
        Tokens registered = client.register(email, null);
        UUID userId = UUID.fromString(client.idOf(registered));
        Tokens stolen = client.login(email);
        Tokens otherDevice = client.from("OtherPhone/2.0", "198.51.100.7").login(email);

        Tokens legitimate = AuthClient.tokens(client.refresh(stolen.refresh()), "refreshSession");

        GraphQlTester.Response replay = client.refresh(stolen.refresh());
        replay.path("refreshSession.session").valueIsNull();
        assertThat(errorCodes(replay, "refreshSession")).containsExactly("INVALID_REFRESH_TOKEN");

        // The family is dead: the token the legitimate holder got is refused too, and so is any later one.
        assertThat(errorCodes(client.refresh(legitimate.refresh()), "refreshSession"))
                .containsExactly("INVALID_REFRESH_TOKEN");
        // Other families (other logins) live on.
        assertThat(errorCodes(client.refresh(otherDevice.refresh()), "refreshSession")).isEmpty();

        assertThat(AuthClient.auditActions(database, "user:" + userId)).contains("auth.refresh.reuse_detected");
        assertThat(new SentNotifications(database).forUser(userId))
                .anyMatch(sent -> sent.kind().equals("SECURITY_ALERT"));
    }

    @Test
    void concurrentExchangesOfOneRefreshTokenLetAtMostOneSucceedAndEndTheFamily() {
        String email = AuthClient.uniqueEmail("race");
        Tokens tokens = client.register(email, null);
        int attempts = 6;
        List<GraphQlTester.Response> responses = Flux.range(0, attempts)
                .flatMap(i -> Mono.fromCallable(() -> client.refresh(tokens.refresh()))
                        .subscribeOn(Schedulers.boundedElastic()), attempts)
                .collectList().block(Duration.ofSeconds(60));

        List<GraphQlTester.Response> winners = responses.stream()
                .filter(response -> errorCodes(response, "refreshSession").isEmpty()).toList();
        assertThat(winners).hasSize(1);
        assertThat(responses).filteredOn(response -> errorCodes(response, "refreshSession")
                .equals(List.of("INVALID_REFRESH_TOKEN"))).hasSize(attempts - 1);
        // Two parties presented the same token: nobody keeps the family.
        Tokens winner = AuthClient.tokens(winners.getFirst(), "refreshSession");
        assertThat(errorCodes(client.refresh(winner.refresh()), "refreshSession")).containsExactly("INVALID_REFRESH_TOKEN");
    }

    @Test
    void refreshTokenUnusedForThirtyDaysIsRefused() {
        String email = AuthClient.uniqueEmail("expiry");
        Tokens almost = client.register(email, null);
        Tokens late = client.login(email);

        clock.advance(Duration.ofDays(30).minusMinutes(1));
        assertThat(errorCodes(client.refresh(almost.refresh()), "refreshSession")).isEmpty();

        clock.advance(Duration.ofMinutes(2));
        assertThat(errorCodes(client.refresh(late.refresh()), "refreshSession")).containsExactly("INVALID_REFRESH_TOKEN");
    }

    @Test
    void madeUpRefreshTokensAreRefusedAndOversizedOnesAreMalformed() {
        assertThat(errorCodes(client.refresh("not-a-token"), "refreshSession")).containsExactly("INVALID_REFRESH_TOKEN");
        assertThat(errorCodes(client.refresh(""), "refreshSession")).containsExactly("INVALID_REFRESH_TOKEN");

        client.refresh("x".repeat(10_000)).errors()
                .expect(error -> "BAD_REQUEST".equals(error.getExtensions().get("code")))
                .verify();
    }

    @Test
    void logoutEndsThatSessionOnly() {
        String email = AuthClient.uniqueEmail("logout");
        Tokens registered = client.register(email, null);
        String target = "user:" + client.idOf(registered);
        Tokens phone = client.login(email);

        client.execute("logout", Map.of("refreshToken", registered.refresh()))
                .path("logout").entity(Boolean.class).isEqualTo(true);

        assertThat(errorCodes(client.refresh(registered.refresh()), "refreshSession"))
                .containsExactly("INVALID_REFRESH_TOKEN");
        assertThat(errorCodes(client.refresh(phone.refresh()), "refreshSession")).isEmpty();
        client.execute("logout", Map.of("refreshToken", registered.refresh()))
                .path("logout").entity(Boolean.class).isEqualTo(false);
        client.execute("logout", Map.of("refreshToken", "never-issued"))
                .path("logout").entity(Boolean.class).isEqualTo(false);
        assertThat(AuthClient.auditActions(database, target)).containsOnlyOnce("auth.logout");
    }

    @Test
    void logoutEverywhereEndsEverySessionButNotLaterOnes() {
        String email = AuthClient.uniqueEmail("everywhere");
        Tokens laptop = client.register(email, null);
        Tokens phone = client.from("Phone/1.0", "198.51.100.20").login(email);
        Tokens refreshedPhone = AuthClient.tokens(client.refresh(phone.refresh()), "refreshSession");

        client.executeAs(laptop.access(), "logoutEverywhere", Map.of())
                .path("logoutEverywhere.ok").entity(Boolean.class).isEqualTo(true);

        assertThat(errorCodes(client.refresh(laptop.refresh()), "refreshSession")).containsExactly("INVALID_REFRESH_TOKEN");
        assertThat(errorCodes(client.refresh(refreshedPhone.refresh()), "refreshSession"))
                .containsExactly("INVALID_REFRESH_TOKEN");

        clock.advance(Duration.ofSeconds(1));
        Tokens later = client.login(email);
        assertThat(errorCodes(client.refresh(later.refresh()), "refreshSession")).isEmpty();
        assertThat(AuthClient.auditActions(database, "user:" + client.idOf(later))).contains("auth.logout");
    }

    @Test
    void logoutEverywhereNeedsASignedInUser() {
        client.execute("logoutEverywhere", Map.of()).errors()
                .expect(error -> "UNAUTHENTICATED".equals(error.getExtensions().get("code")))
                .verify();
    }

    @Test
    void endingEverySessionThroughTheUsersColumnKillsEveryFamily() {
        // What a password change or reset does: set users.sessions_revoked_at (with the app's clock).
        String email = AuthClient.uniqueEmail("revoked-at");
        Tokens tokens = client.register(email, null);
        clock.advance(Duration.ofSeconds(1));
        database.sql("update users set sessions_revoked_at = :at where email = :email")
                .bind("at", java.time.OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC))
                .bind("email", email).fetch().rowsUpdated().block();

        assertThat(errorCodes(client.refresh(tokens.refresh()), "refreshSession")).containsExactly("INVALID_REFRESH_TOKEN");
    }
}
