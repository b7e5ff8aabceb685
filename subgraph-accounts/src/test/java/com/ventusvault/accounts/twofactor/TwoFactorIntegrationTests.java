package com.ventusvault.accounts.twofactor;

import static com.ventusvault.accounts.AuthClient.errorCodes;
import static org.assertj.core.api.Assertions.assertThat;

import com.ventusvault.accounts.AccountsIntegrationTest;
import com.ventusvault.accounts.AuthClient;
import com.ventusvault.accounts.AuthClient.Tokens;
import com.ventusvault.platform.testing.MutableClock;
import com.ventusvault.accounts.SentNotifications;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;

@AccountsIntegrationTest
@Import(MutableClock.Configuration.class)
class TwoFactorIntegrationTests {

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

    /** A user with two-factor auth on: their email, id, TOTP secret and recovery codes. */
    record Enrolled(String email, UUID id, byte[] secret, List<String> recoveryCodes, Tokens tokens) {
    }

    @Test
    void setupOffersAnOtpauthUriAndChangesNothingUntilConfirmed() {
        String email = AuthClient.uniqueEmail("setup");
        Tokens tokens = client.register(email, null);
        GraphQlTester.Response begun = client.executeAs(tokens.access(), "beginTwoFactorSetup", Map.of());
        String secret = begun.path("beginTwoFactorSetup.secret").entity(String.class).get();
        String uri = begun.path("beginTwoFactorSetup.otpauthUri").entity(String.class).get();
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(uri).isEqualTo("otpauth://totp/VentusVault:" + email.replace("@", "%40") + "?secret=" + secret
                + "&issuer=VentusVault&algorithm=SHA1&digits=6&period=30");

        // Not on yet: login needs no code, and the user is shown without two-factor auth.
        client.login(email, AuthClient.PASSWORD, null, null)
                .path("login.session.user.twoFactorEnabled").entity(Boolean.class).isEqualTo(false);

        assertThat(errorCodes(client.executeAs(tokens.access(), "confirmTwoFactor", Map.of("code", "000000")),
                "confirmTwoFactor")).containsExactly("INVALID_TWO_FACTOR_CODE");
        List<String> codes = client.executeAs(tokens.access(), "confirmTwoFactor",
                        Map.of("code", currentCode(Base32.decode(secret))))
                .path("confirmTwoFactor.recoveryCodes").entityList(String.class).get();
        assertThat(codes).hasSize(10).doesNotHaveDuplicates()
                .allMatch(code -> code.matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}"));

        client.executeAs(tokens.access(), "beginTwoFactorSetup", Map.of())
                .path("beginTwoFactorSetup.userErrors[0].code").entity(String.class).isEqualTo("TWO_FACTOR_ALREADY_ENABLED");
        assertThat(AuthClient.auditActions(database, "user:" + client.idOf(tokens))).contains("auth.2fa.enabled");
    }

    @Test
    void confirmingWithoutASetupIsRefused() {
        Tokens tokens = client.register(AuthClient.uniqueEmail("no-setup"), null);
        assertThat(errorCodes(client.executeAs(tokens.access(), "confirmTwoFactor", Map.of("code", "123456")),
                "confirmTwoFactor")).containsExactly("TWO_FACTOR_SETUP_NOT_STARTED");
    }

    @Test
    void loginNeedsTheSecondFactorOnceEnabled() {
        Enrolled user = enrol("+447700900200");

        GraphQlTester.Response missing = client.login(user.email(), AuthClient.PASSWORD, null, null);
        missing.path("login.session").valueIsNull();
        missing.path("login.userErrors[0].code").entity(String.class).isEqualTo("TWO_FACTOR_REQUIRED");
        missing.path("login.userErrors[0].field").entityList(String.class).containsExactly("input", "totpCode");

        assertThat(errorCodes(client.login(user.email(), AuthClient.PASSWORD, "123456", null), "login"))
                .containsExactly("INVALID_TWO_FACTOR_CODE");
        // A right code with a wrong password is still a wrong password (and the code is not used up).
        clock.advance(Duration.ofSeconds(30));
        String code = currentCode(user.secret());
        assertThat(errorCodes(client.login(user.email(), "not the password", code, null), "login"))
                .containsExactly("INVALID_CREDENTIALS");

        client.login(user.email(), AuthClient.PASSWORD, code, null)
                .path("login.session.user.twoFactorEnabled").entity(Boolean.class).isEqualTo(true);
    }

    @Test
    void aTotpCodeIsAcceptedOncePerTimeStep() {
        Enrolled user = enrol(null);
        clock.advance(Duration.ofSeconds(30));
        String code = currentCode(user.secret());
        assertThat(errorCodes(client.login(user.email(), AuthClient.PASSWORD, code, null), "login")).isEmpty();

        // Replayed (e.g. shoulder-surfed) within its step: refused.
        assertThat(errorCodes(client.from("Attacker/1.0", "198.51.100.66")
                .login(user.email(), AuthClient.PASSWORD, code, null), "login")).containsExactly("INVALID_TWO_FACTOR_CODE");

        clock.advance(Duration.ofSeconds(30));
        assertThat(errorCodes(client.login(user.email(), AuthClient.PASSWORD, currentCode(user.secret()), null),
                "login")).isEmpty();
    }

    @Test
    void concurrentLoginsWithOneCodeLetExactlyOneIn() {
        Enrolled user = enrol(null);
        clock.advance(Duration.ofSeconds(30));
        String code = currentCode(user.secret());
        int attempts = 4;
        List<List<String>> answers = reactor.core.publisher.Flux.range(0, attempts)
                .flatMap(i -> reactor.core.publisher.Mono.fromCallable(() -> errorCodes(
                                client.from("Racer/" + i, "192.0.2." + (200 + i))
                                        .login(user.email(), AuthClient.PASSWORD, code, null), "login"))
                        .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic()), attempts)
                .collectList().block(Duration.ofSeconds(60));
        assertThat(answers).filteredOn(List::isEmpty).hasSize(1);
        assertThat(answers).filteredOn(codes -> codes.equals(List.of("INVALID_TWO_FACTOR_CODE"))).hasSize(attempts - 1);
    }

    @Test
    void codesOfTheNeighbouringStepsAreAcceptedButNotOlderOnes() {
        Enrolled user = enrol(null);
        clock.advance(Duration.ofSeconds(90));
        long step = Totp.STANDARD.step(clock.instant());
        String twoStepsOld = Totp.STANDARD.code(user.secret(), step - 2);
        assertThat(errorCodes(client.login(user.email(), AuthClient.PASSWORD, twoStepsOld, null), "login"))
                .containsExactly("INVALID_TWO_FACTOR_CODE");
        String previous = Totp.STANDARD.code(user.secret(), step - 1);
        assertThat(errorCodes(client.login(user.email(), AuthClient.PASSWORD, previous, null), "login")).isEmpty();
    }

    @Test
    void eachRecoveryCodeSignsInOnceAndRegeneratingReplacesThem() {
        Enrolled user = enrol(null);
        String recovery = user.recoveryCodes().get(3);

        assertThat(errorCodes(client.login(user.email(), AuthClient.PASSWORD, null, recovery.toLowerCase()), "login"))
                .isEmpty();
        GraphQlTester.Response again = client.login(user.email(), AuthClient.PASSWORD, null, recovery);
        again.path("login.userErrors[0].code").entity(String.class).isEqualTo("INVALID_TWO_FACTOR_CODE");
        again.path("login.userErrors[0].field").entityList(String.class).containsExactly("input", "recoveryCode");
        assertThat(AuthClient.auditActions(database, "user:" + user.id())).contains("auth.2fa.recovery_code_used");
        assertThat(new SentNotifications(database).latest(user.id(), "SECURITY_ALERT", "EMAIL").body())
                .contains("recovery code").contains("9 left");

        clock.advance(Duration.ofSeconds(61)); // a fresh throttle window and a fresh TOTP step
        assertThat(errorCodes(client.executeAs(user.tokens().access(), "regenerateRecoveryCodes",
                Map.of("code", "000000")), "regenerateRecoveryCodes")).containsExactly("INVALID_TWO_FACTOR_CODE");
        List<String> fresh = client.executeAs(user.tokens().access(), "regenerateRecoveryCodes",
                        Map.of("code", currentCode(user.secret())))
                .path("regenerateRecoveryCodes.recoveryCodes").entityList(String.class).get();
        assertThat(fresh).hasSize(10).doesNotContainAnyElementsOf(user.recoveryCodes());
        assertThat(errorCodes(client.login(user.email(), AuthClient.PASSWORD, null, user.recoveryCodes().get(4)),
                "login")).containsExactly("INVALID_TWO_FACTOR_CODE");
        assertThat(errorCodes(client.login(user.email(), AuthClient.PASSWORD, null, fresh.get(0)), "login")).isEmpty();
    }

    @Test
    void storesRecoveryCodesAndTheirUseOnlyAsDigests() {
        Enrolled user = enrol(null);
        List<byte[]> stored = database.sql("select code_hash from recovery_code where user_id = :user")
                .bind("user", user.id()).map(row -> row.get(0, byte[].class)).all().collectList().block();
        assertThat(stored).hasSize(10).allMatch(hash -> hash.length == 32);
        for (String code : user.recoveryCodes()) {
            assertThat(stored).noneMatch(hash -> new String(hash, java.nio.charset.StandardCharsets.ISO_8859_1)
                    .contains(code.replace("-", "")));
        }
    }

    @Test
    void disablingNeedsThePasswordAndACode() {
        Enrolled user = enrol(null);
        clock.advance(Duration.ofSeconds(30));
        String code = currentCode(user.secret());
        GraphQlTester.Response wrongPassword = client.executeAs(user.tokens().access(), "disableTwoFactor",
                Map.of("input", Map.of("password", "not it", "code", code)));
        wrongPassword.path("disableTwoFactor.ok").entity(Boolean.class).isEqualTo(false);
        wrongPassword.path("disableTwoFactor.userErrors[0].code").entity(String.class).isEqualTo("INVALID_CREDENTIALS");
        assertThat(errorCodes(client.executeAs(user.tokens().access(), "disableTwoFactor",
                Map.of("input", Map.of("password", AuthClient.PASSWORD, "code", "999999"))), "disableTwoFactor"))
                .containsExactly("INVALID_TWO_FACTOR_CODE");

        client.executeAs(user.tokens().access(), "disableTwoFactor",
                        Map.of("input", Map.of("password", AuthClient.PASSWORD, "code", code)))
                .path("disableTwoFactor.ok").entity(Boolean.class).isEqualTo(true);
        client.login(user.email(), AuthClient.PASSWORD, null, null)
                .path("login.session.user.twoFactorEnabled").entity(Boolean.class).isEqualTo(false);
        assertThat(AuthClient.auditActions(database, "user:" + user.id())).contains("auth.2fa.disabled");
        clock.advance(Duration.ofSeconds(61));
        assertThat(errorCodes(client.executeAs(user.tokens().access(), "disableTwoFactor",
                Map.of("input", Map.of("password", AuthClient.PASSWORD, "code", code))), "disableTwoFactor"))
                .containsExactly("TWO_FACTOR_NOT_ENABLED");
    }

    @Test
    void aRecoveryCodeCanDisableTwoFactorAuth() {
        Enrolled user = enrol(null);
        client.executeAs(user.tokens().access(), "disableTwoFactor", Map.of("input",
                        Map.of("password", AuthClient.PASSWORD, "code", user.recoveryCodes().get(0))))
                .path("disableTwoFactor.ok").entity(Boolean.class).isEqualTo(true);
    }

    @Test
    void aStolenAccessTokenCannotBruteForceTheSecondFactor() {
        Enrolled user = enrol(null);
        clock.advance(Duration.ofSeconds(61)); // enrolling was an attempt too
        for (int i = 0; i < 5; i++) {
            assertThat(errorCodes(client.executeAs(user.tokens().access(), "regenerateRecoveryCodes",
                    Map.of("code", String.format("%06d", i))), "regenerateRecoveryCodes"))
                    .containsExactly("INVALID_TWO_FACTOR_CODE");
        }
        assertThat(errorCodes(client.executeAs(user.tokens().access(), "regenerateRecoveryCodes",
                Map.of("code", currentCode(user.secret()))), "regenerateRecoveryCodes")).containsExactly("TOO_MANY_ATTEMPTS");
    }

    @Test
    void wrongSecondFactorsCountTowardsTheLockout() {
        Enrolled user = enrol(null);
        for (int i = 0; i < 10; i++) {
            AuthClient from = client.from(AuthClient.DEFAULT_AGENT, "192.0.2." + (100 + i));
            List<String> codes = errorCodes(from.login(user.email(), AuthClient.PASSWORD, String.format("%06d", i), null),
                    "login");
            assertThat(codes).containsExactly(i < 9 ? "INVALID_TWO_FACTOR_CODE" : "ACCOUNT_LOCKED");
        }
        clock.advance(Duration.ofSeconds(30));
        assertThat(errorCodes(client.login(user.email(), AuthClient.PASSWORD, currentCode(user.secret()), null),
                "login")).containsExactly("ACCOUNT_LOCKED");
    }

    @Test
    void sendLoginCodeTextsASingleUseCodeOnlyForTheRightPassword() {
        Enrolled user = enrol("+447700900201");
        SentNotifications sent = new SentNotifications(database);

        client.execute("sendLoginCode", Map.of("input", Map.of("email", user.email(), "password", "wrong")))
                .path("sendLoginCode").entity(Boolean.class).isEqualTo(true);
        assertThat(sent.forUser(user.id())).noneMatch(n -> n.kind().equals("TWO_FACTOR_CODE"));
        client.execute("sendLoginCode", Map.of("input", Map.of("email", AuthClient.uniqueEmail("ghost"),
                        "password", "whatever")))
                .path("sendLoginCode").entity(Boolean.class).isEqualTo(true);

        client.execute("sendLoginCode", Map.of("input", Map.of("email", user.email(), "password", AuthClient.PASSWORD)))
                .path("sendLoginCode").entity(Boolean.class).isEqualTo(true);
        SentNotifications.Sent sms = sent.latest(user.id(), "TWO_FACTOR_CODE", "SMS");
        assertThat(sms.recipient()).isEqualTo("+447700900201");
        assertThat(sent.forUser(user.id())).noneMatch(n -> n.kind().equals("TWO_FACTOR_CODE") && n.channel().equals("EMAIL"));
        String code = codeIn(sms.body());
        Long stored = database.sql("select count(*) from login_code where user_id = :user")
                .bind("user", user.id()).map(row -> row.get(0, Long.class)).one().block();
        assertThat(stored).isEqualTo(1L);

        assertThat(errorCodes(client.login(user.email(), AuthClient.PASSWORD, code, null), "login")).isEmpty();
        assertThat(errorCodes(client.login(user.email(), AuthClient.PASSWORD, code, null), "login"))
                .containsExactly("INVALID_TWO_FACTOR_CODE");
    }

    @Test
    void anSmsLoginCodeExpiresAfterFiveMinutes() {
        Enrolled user = enrol("+447700900202");
        client.execute("sendLoginCode", Map.of("input", Map.of("email", user.email(), "password", AuthClient.PASSWORD)))
                .path("sendLoginCode").entity(Boolean.class).isEqualTo(true);
        String code = codeIn(new SentNotifications(database).latest(user.id(), "TWO_FACTOR_CODE", "SMS").body());
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(errorCodes(client.login(user.email(), AuthClient.PASSWORD, code, null), "login"))
                .containsExactly("INVALID_TWO_FACTOR_CODE");
    }

    @Test
    void twoFactorEnabledIsPrivateLikeEmail() {
        Enrolled user = enrol(null);
        Tokens stranger = client.register(AuthClient.uniqueEmail("stranger"), null);
        Map<String, Object> representation = Map.of("__typename", "User", "id", user.id().toString());

        GraphQlTester.Response asStranger = client.executeAs(stranger.access(), "twoFactorStatus",
                Map.of("representations", List.of(representation)));
        asStranger.path("me.twoFactorEnabled").entity(Boolean.class).isEqualTo(false);
        asStranger.path("_entities[0].id").entity(String.class).isEqualTo(user.id().toString());
        asStranger.path("_entities[0].twoFactorEnabled").valueIsNull();

        client.executeAs(user.tokens().access(), "twoFactorStatus", Map.of("representations", List.of(representation)))
                .path("me.twoFactorEnabled").entity(Boolean.class).isEqualTo(true)
                .path("_entities[0].twoFactorEnabled").entity(Boolean.class).isEqualTo(true);
    }

    @Test
    void twoFactorMutationsNeedASignedInUser() {
        client.execute("beginTwoFactorSetup", Map.of()).errors()
                .expect(error -> "UNAUTHENTICATED".equals(error.getExtensions().get("code"))).verify();
    }

    private Enrolled enrol(String phone) {
        String email = AuthClient.uniqueEmail("2fa");
        Tokens tokens = client.register(email, phone);
        UUID id = UUID.fromString(client.idOf(tokens));
        String secret = client.executeAs(tokens.access(), "beginTwoFactorSetup", Map.of())
                .path("beginTwoFactorSetup.secret").entity(String.class).get();
        byte[] key = Base32.decode(secret);
        List<String> codes = client.executeAs(tokens.access(), "confirmTwoFactor", Map.of("code", currentCode(key)))
                .path("confirmTwoFactor.recoveryCodes").entityList(String.class).get();
        return new Enrolled(email, id, key, codes, tokens);
    }

    private String currentCode(byte[] secret) {
        return Totp.STANDARD.code(secret, Totp.STANDARD.step(clock.instant()));
    }

    private static String codeIn(String smsBody) {
        Matcher matcher = Pattern.compile("\\b(\\d{6})\\b").matcher(smsBody);
        assertThat(matcher.find()).as("a 6-digit code in: " + smsBody).isTrue();
        return matcher.group(1);
    }
}
