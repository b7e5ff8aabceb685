package com.ventusvault.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The demo logins the stack prints are usable as they are: their emails are verified (the seeded users through
 * {@code ventus.accounts.identity.pre-verified-emails}, the bootstrap admin when it is created), while anyone else who
 * registers starts unverified, through the gateway as a client sees it.
 */
@ExtendWith(RunningStack.class)
class DemoIdentityIntegrationTests {

    private static final String EMAIL_VERIFIED = "query { me { email emailVerified } }";

    private static ClientOperations client;

    @BeforeAll
    static void connect(Stack stack) {
        client = new ClientOperations(stack);
    }

    @Test
    void demoUsersAndTheDemoAdminHaveVerifiedEmails() {
        for (String email : new String[] {"alice@example.com", "bob@example.com", DemoData.ADMIN_EMAIL}) {
            var me = client.gateway().execute(EMAIL_VERIFIED, Map.of(), client.login(email)).orThrow();
            assertThat(me.data("me.email").asString()).isEqualTo(email);
            assertThat(me.data("me.emailVerified").asBoolean()).as(email).isTrue();
        }
    }

    @Test
    void aNewRegistrationStartsUnverified() {
        String email = "dana-" + UUID.randomUUID() + "@example.com";
        String token = client.call("Register", Map.of("input", Map.of("email", email, "password", "correct horse battery",
                "displayName", "Dana Danjuma")), null).orThrow().data("register.session.accessToken").asString();

        assertThat(client.gateway().execute(EMAIL_VERIFIED, Map.of(), token).orThrow().data("me.emailVerified").asBoolean())
                .isFalse();
    }
}
