package com.ventusvault.accounts.verification;

import static org.assertj.core.api.Assertions.assertThat;

import com.ventusvault.accounts.AccountsClient;
import com.ventusvault.accounts.Identity;
import com.ventusvault.accounts.IdentityIntegrationTest;
import com.ventusvault.platform.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;

@IdentityIntegrationTest
class EmailVerificationIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    DatabaseClient database;

    @Autowired
    MutableClock clock;

    Identity identity;

    @BeforeEach
    void connect() {
        identity = new Identity(new AccountsClient(port), database);
    }

    @Test
    void registrationMailsAVerificationLinkAndTheEmailStartsUnverified() throws Exception {
        Identity.Registered user = identity.register();

        var mail = identity.sent().latest(user.id(), "EMAIL_VERIFICATION", "EMAIL");
        assertThat(mail.recipient()).isEqualTo(user.email());
        assertThat(identity.mailCount(user.id(), "EMAIL_VERIFICATION")).isEqualTo(1);
        String token = identity.mailedToken(user.id(), "EMAIL_VERIFICATION");
        assertThat(token).hasSize(43);
        identity.run("identity", user.token(), Map.of()).path("me.emailVerified").entity(Boolean.class).isEqualTo(false);

        // Only the SHA-256 of the token is stored.
        byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        Long hashed = database.sql("select count(*) from user_token where user_id = :user and token_hash = :hash")
                .bind("user", user.id()).bind("hash", sha256).map(row -> row.get(0, Long.class)).one().block();
        Long plain = database.sql("select count(*) from user_token where position(convert_to(:token, 'UTF8') in token_hash) > 0")
                .bind("token", token).map(row -> row.get(0, Long.class)).one().block();
        assertThat(hashed).isEqualTo(1L);
        assertThat(plain).isZero();
    }

    @Test
    void theMailedTokenVerifiesTheEmailExactlyOnceAndIsAudited() {
        Identity.Registered user = identity.register();
        String token = identity.mailedToken(user.id(), "EMAIL_VERIFICATION");

        // Anonymous, as from a link opened in a mail app: the token is the proof.
        GraphQlTester.Response verified = identity.accounts().graphQl().mutate()
                .header("X-Request-Id", "verify-" + user.id()).build()
                .documentName("verifyEmail").variable("token", token).execute();
        verified.path("verifyEmail.userErrors").entityList(Object.class).hasSize(0);
        verified.path("verifyEmail.user.id").entity(String.class).isEqualTo(user.id().toString());
        verified.path("verifyEmail.user.emailVerified").entity(Boolean.class).isEqualTo(true);
        verified.path("verifyEmail.user.email").entity(String.class).isEqualTo(user.email());
        identity.run("identity", user.token(), Map.of()).path("me.emailVerified").entity(Boolean.class).isEqualTo(true);

        Identity.Audited entry = identity.auditOf(user.id()).stream()
                .filter(audited -> audited.action().equals("auth.email.verified")).findFirst().orElseThrow();
        assertThat(entry.actorId()).isEqualTo(user.id());
        assertThat(entry.requestId()).isEqualTo("verify-" + user.id());
        assertThat(entry.details()).doesNotContain(token);

        GraphQlTester.Response replayed = identity.run("verifyEmail", null, Map.of("token", token));
        replayed.path("verifyEmail.user").valueIsNull();
        replayed.path("verifyEmail.userErrors[0].code").entity(String.class).isEqualTo("INVALID_TOKEN");
        replayed.path("verifyEmail.userErrors[0].field").entityList(String.class).containsExactly("token");
        assertThat(identity.auditActionsOf(user.id())).containsOnlyOnce("auth.email.verified");
    }

    @Test
    void aVerificationTokenExpiresAfter24Hours() {
        Identity.Registered user = identity.register();
        String token = identity.mailedToken(user.id(), "EMAIL_VERIFICATION");

        clock.advance(Duration.ofHours(24).plusMinutes(1));

        GraphQlTester.Response expired = identity.run("verifyEmail", null, Map.of("token", token));
        expired.path("verifyEmail.userErrors[0].code").entity(String.class).isEqualTo("TOKEN_EXPIRED");
        assertThat(identity.column(user.id(), "email_verified_at", java.time.OffsetDateTime.class)).isNull();
    }

    @Test
    void resendingMailsANewTokenAndTheOlderOneStopsWorking() {
        Identity.Registered user = identity.register();
        String first = identity.mailedToken(user.id(), "EMAIL_VERIFICATION");

        identity.run("resendVerificationEmail", user.token(), Map.of())
                .path("resendVerificationEmail.ok").entity(Boolean.class).isEqualTo(true);
        String second = identity.mailedToken(user.id(), "EMAIL_VERIFICATION");
        assertThat(second).isNotEqualTo(first);
        assertThat(identity.mailCount(user.id(), "EMAIL_VERIFICATION")).isEqualTo(2);

        identity.run("verifyEmail", null, Map.of("token", first))
                .path("verifyEmail.userErrors[0].code").entity(String.class).isEqualTo("INVALID_TOKEN");
        identity.run("verifyEmail", null, Map.of("token", second))
                .path("verifyEmail.user.emailVerified").entity(Boolean.class).isEqualTo(true);

        GraphQlTester.Response again = identity.run("resendVerificationEmail", user.token(), Map.of());
        again.path("resendVerificationEmail.ok").entity(Boolean.class).isEqualTo(false);
        again.path("resendVerificationEmail.userErrors[0].code").entity(String.class).isEqualTo("EMAIL_ALREADY_VERIFIED");
        assertThat(identity.mailCount(user.id(), "EMAIL_VERIFICATION")).isEqualTo(2);
    }

    @Test
    void verificationEmailsAreLimitedToFivePerHour() {
        Identity.Registered user = identity.register();
        for (int i = 0; i < 4; i++) {
            identity.run("resendVerificationEmail", user.token(), Map.of())
                    .path("resendVerificationEmail.ok").entity(Boolean.class).isEqualTo(true);
        }
        GraphQlTester.Response refused = identity.run("resendVerificationEmail", user.token(), Map.of());
        refused.path("resendVerificationEmail.ok").entity(Boolean.class).isEqualTo(false);
        refused.path("resendVerificationEmail.userErrors[0].code").entity(String.class).isEqualTo("TOO_MANY_REQUESTS");
        assertThat(identity.mailCount(user.id(), "EMAIL_VERIFICATION")).isEqualTo(5);
    }

    @Test
    void resendingNeedsASignedInUser() {
        identity.run("resendVerificationEmail", null, Map.of()).errors()
                .expect(error -> "UNAUTHENTICATED".equals(error.getExtensions().get("code"))).verify();
    }

    @Test
    void madeUpTokensAreInvalid() {
        byte[] random = new byte[32];
        new java.security.SecureRandom().nextBytes(random);
        String guessed = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        for (String token : List.of(guessed, "", "   ", "x".repeat(10_000), "' or 1=1 --")) {
            identity.run("verifyEmail", null, Map.of("token", token))
                    .path("verifyEmail.userErrors[0].code").entity(String.class).isEqualTo("INVALID_TOKEN");
        }
    }

    @Test
    void aPasswordResetTokenIsNotAVerificationTokenNorTheOtherWayRound() {
        Identity.Registered user = identity.register();
        String verification = identity.mailedToken(user.id(), "EMAIL_VERIFICATION");
        identity.run("requestPasswordReset", null, Map.of("email", user.email()));
        String reset = identity.awaitMailedToken(user.id(), "PASSWORD_RESET");

        identity.run("verifyEmail", null, Map.of("token", reset))
                .path("verifyEmail.userErrors[0].code").entity(String.class).isEqualTo("INVALID_TOKEN");
        identity.run("resetPassword", null, Map.of("input", Map.of("token", verification, "newPassword", "a new password 1")))
                .path("resetPassword.userErrors[0].code").entity(String.class).isEqualTo("INVALID_TOKEN");
        // Both still work for what they are.
        identity.run("verifyEmail", null, Map.of("token", verification))
                .path("verifyEmail.user.emailVerified").entity(Boolean.class).isEqualTo(true);
        identity.run("resetPassword", null, Map.of("input", Map.of("token", reset, "newPassword", "a new password 1")))
                .path("resetPassword.ok").entity(Boolean.class).isEqualTo(true);
    }

    @Test
    void aPreVerifiedDemoEmailIsVerifiedAtRegistrationWithoutAMail() {
        String token = identity.accounts().register(IdentityIntegrationTest.PRE_VERIFIED_EMAIL);
        GraphQlTester.Response me = identity.run("identity", token, Map.of());
        me.path("me.emailVerified").entity(Boolean.class).isEqualTo(true);
        UUID id = UUID.fromString(me.path("me.id").entity(String.class).get());
        assertThat(identity.mailCount(id, "EMAIL_VERIFICATION")).isZero();
    }

    @Test
    void otherRegistrationsAreNotVerifiedByThePreVerifiedList() {
        Identity.Registered user = identity.register();
        identity.run("identity", user.token(), Map.of()).path("me.emailVerified").entity(Boolean.class).isEqualTo(false);
    }
}
