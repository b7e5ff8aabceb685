package com.ventusvault.accounts.credentials;

import static com.ventusvault.accounts.AuthClient.errorCodes;
import static org.assertj.core.api.Assertions.assertThat;

import com.ventusvault.accounts.AccountsIntegrationTest;
import com.ventusvault.accounts.AuthClient;
import com.ventusvault.platform.testing.MutableClock;
import com.ventusvault.accounts.SentNotifications;
import java.time.Duration;
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

/** Password guessing against login: the per account+IP throttle, the lockout, and the new-device notice. */
@AccountsIntegrationTest
@Import(MutableClock.Configuration.class)
class LoginDefencesIntegrationTests {

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
    void sixthAttemptWithinAMinuteFromOneIpIsTooManyAttemptsEvenWithTheRightPassword() {
        String email = AuthClient.uniqueEmail("throttle");
        String target = "user:" + client.idOf(client.register(email, null));
        for (int i = 0; i < 5; i++) {
            assertThat(errorCodes(client.login(email, "guess number " + i, null, null), "login"))
                    .containsExactly("INVALID_CREDENTIALS");
        }

        GraphQlTester.Response throttled = client.login(email, AuthClient.PASSWORD, null, null);
        throttled.path("login.session").valueIsNull();
        throttled.path("login.userErrors[0].code").entity(String.class).isEqualTo("TOO_MANY_ATTEMPTS");
        throttled.path("login.userErrors[0].message").entity(String.class)
                .satisfies(message -> assertThat(message).matches("Too many sign-in attempts; try again in \\d+ seconds"));

        // Another IP is another key; the wait ends after a minute.
        client.from(AuthClient.DEFAULT_AGENT, "198.51.100.99").login(email);
        clock.advance(Duration.ofSeconds(61));
        client.login(email);

        assertThat(AuthClient.auditActions(database, target)).containsSubsequence("auth.login.failed",
                "auth.login.succeeded", "auth.login.succeeded");
        Long throttledEntries = database.sql("select count(*) from audit_log where action = 'auth.login.throttled' "
                        + "and details ->> 'email' = :email")
                .bind("email", email).map(row -> row.get(0, Long.class)).one().block();
        assertThat(throttledEntries).isEqualTo(1L);
    }

    @Test
    void unknownEmailsAreThrottledExactlyLikeRealOnes() {
        String unknown = AuthClient.uniqueEmail("nobody");
        List<List<String>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            answers.add(errorCodes(client.login(unknown, "guess", null, null), "login"));
        }
        assertThat(answers.subList(0, 5)).allMatch(codes -> codes.equals(List.of("INVALID_CREDENTIALS")));
        assertThat(answers.get(5)).containsExactly("TOO_MANY_ATTEMPTS");
    }

    @Test
    void concurrentGuessesCannotSlipPastTheThrottle() {
        String email = AuthClient.uniqueEmail("burst");
        client.register(email, null);
        int attempts = 12;
        List<List<String>> answers = Flux.range(0, attempts)
                .flatMap(i -> Mono.fromCallable(() -> errorCodes(client.login(email, "burst " + i, null, null), "login"))
                        .subscribeOn(Schedulers.boundedElastic()), attempts)
                .collectList().block(Duration.ofSeconds(120));
        assertThat(answers).filteredOn(codes -> codes.equals(List.of("INVALID_CREDENTIALS"))).hasSize(5);
        assertThat(answers).filteredOn(codes -> codes.equals(List.of("TOO_MANY_ATTEMPTS"))).hasSize(attempts - 5);
    }

    @Test
    void tenFailuresInARowFromAnyIpsLockTheAccountForFifteenMinutes() {
        String email = AuthClient.uniqueEmail("lockout");
        UUID userId = UUID.fromString(client.idOf(client.register(email, null)));
        for (int i = 0; i < 9; i++) {
            assertThat(errorCodes(fromIp(i).login(email, "wrong " + i, null, null), "login"))
                    .containsExactly("INVALID_CREDENTIALS");
        }
        GraphQlTester.Response tenth = fromIp(9).login(email, "wrong 9", null, null);
        tenth.path("login.userErrors[0].code").entity(String.class).isEqualTo("ACCOUNT_LOCKED");
        tenth.path("login.userErrors[0].message").entity(String.class)
                .satisfies(message -> assertThat(message).contains("15 minutes"));

        // Locked: the right password is refused too, from anywhere.
        assertThat(errorCodes(fromIp(10).login(email, AuthClient.PASSWORD, null, null), "login"))
                .containsExactly("ACCOUNT_LOCKED");
        assertThat(new SentNotifications(database).latest(userId, "SECURITY_ALERT", "EMAIL").subject())
                .contains("locked");
        assertThat(AuthClient.auditActions(database, "user:" + userId)).containsOnlyOnce("auth.account.locked");

        clock.advance(Duration.ofMinutes(14));
        assertThat(errorCodes(fromIp(11).login(email, AuthClient.PASSWORD, null, null), "login"))
                .containsExactly("ACCOUNT_LOCKED");
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        fromIp(12).login(email);
    }

    @Test
    void anUnknownEmailLocksExactlyLikeARealAccount() {
        String real = AuthClient.uniqueEmail("real-lock");
        client.register(real, null);
        String unknown = AuthClient.uniqueEmail("ghost-lock");
        for (int i = 0; i < 11; i++) {
            List<String> realAnswer = errorCodes(fromIp(50 + i).login(real, "wrong " + i, null, null), "login");
            List<String> unknownAnswer = errorCodes(fromIp(50 + i).login(unknown, "wrong " + i, null, null), "login");
            assertThat(unknownAnswer).as("attempt " + (i + 1)).isEqualTo(realAnswer)
                    .containsExactly(i < 9 ? "INVALID_CREDENTIALS" : "ACCOUNT_LOCKED");
        }
    }

    @Test
    void aSuccessfulLoginStartsTheFailureCountOver() {
        String email = AuthClient.uniqueEmail("reset-count");
        client.register(email, null);
        for (int i = 0; i < 9; i++) {
            fromIp(i).login(email, "wrong " + i, null, null);
        }
        fromIp(20).login(email);
        for (int i = 0; i < 9; i++) {
            assertThat(errorCodes(fromIp(30 + i).login(email, "wrong again " + i, null, null), "login"))
                    .containsExactly("INVALID_CREDENTIALS");
        }
        fromIp(40).login(email);
    }

    @Test
    void loginFromANewDeviceNotifiesOnceAndTheRegistrationDeviceNever() {
        String email = AuthClient.uniqueEmail("device");
        UUID userId = UUID.fromString(client.idOf(client.register(email, "+447700900123")));
        SentNotifications sent = new SentNotifications(database);

        client.login(email);
        assertThat(sent.forUser(userId)).noneMatch(n -> n.kind().equals("NEW_DEVICE_LOGIN"));

        AuthClient phone = client.from("VentusVault-iOS/3.1 (iPhone)", "198.51.100.33");
        phone.login(email);
        assertThat(sent.forUser(userId)).filteredOn(n -> n.kind().equals("NEW_DEVICE_LOGIN"))
                .extracting(SentNotifications.Sent::channel).containsExactlyInAnyOrder("EMAIL", "SMS");
        assertThat(sent.latest(userId, "NEW_DEVICE_LOGIN", "EMAIL").body())
                .contains("VentusVault-iOS/3.1 (iPhone)").contains("198.51.100.33");

        phone.login(email);
        // Same user agent from another IP is another device.
        client.from("VentusVault-iOS/3.1 (iPhone)", "198.51.100.34").login(email);
        assertThat(sent.forUser(userId)).filteredOn(n -> n.kind().equals("NEW_DEVICE_LOGIN")
                && n.channel().equals("EMAIL")).hasSize(2);
    }

    @Test
    void sendLoginCodeIsThrottledLikeLogin() {
        String email = AuthClient.uniqueEmail("code-throttle");
        client.register(email, "+447700900124");
        for (int i = 0; i < 5; i++) {
            client.execute("sendLoginCode", Map.of("input", Map.of("email", email, "password", "guess " + i)))
                    .path("sendLoginCode").entity(Boolean.class).isEqualTo(true);
        }
        client.execute("sendLoginCode", Map.of("input", Map.of("email", email, "password", AuthClient.PASSWORD)))
                .errors().expect(error -> "LIMIT_EXCEEDED".equals(error.getExtensions().get("code"))
                        && error.getMessage().startsWith("Too many sign-in attempts"))
                .verify();
        assertThat(errorCodes(client.login(email, AuthClient.PASSWORD, null, null), "login"))
                .containsExactly("TOO_MANY_ATTEMPTS");
    }

    @Test
    void oversizedCredentialsAreMalformed() {
        client.login("a@example.com", "p".repeat(5000), null, null).errors()
                .expect(error -> "BAD_REQUEST".equals(error.getExtensions().get("code"))).verify();
    }

    private AuthClient fromIp(int i) {
        return client.from(AuthClient.DEFAULT_AGENT, "192.0.2." + (i + 1));
    }
}
