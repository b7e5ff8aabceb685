package com.ventusvault.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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

    private static final String SET_ROLES = """
            mutation SetRoles($userId: ID!, $roles: [Role!]!) {
              setRoles(userId: $userId, roles: $roles) { user { id roles } userErrors { code message } }
            }""";
    private static final String SET_KYC = """
            mutation SetKyc($input: SetKycStatusInput!) {
              setKycStatus(input: $input) { user { id kycStatus } userErrors { code message } }
            }""";

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
    void theDemoAdminMakesSupportStaffWhoSetKycWhileACustomerIsRefusedAtTheGateway() {
        String supportEmail = "sam-" + UUID.randomUUID() + "@example.com";
        String customerEmail = "cleo-" + UUID.randomUUID() + "@example.com";
        String supportId = register(supportEmail);
        String customerToken = registerToken(customerEmail);
        String customerId = client.gateway().execute("query { me { id } }", Map.of(), customerToken).orThrow()
                .data("me.id").asString();
        String admin = client.login(DemoData.ADMIN_EMAIL);

        var promoted = client.gateway().execute(SET_ROLES, Map.of("userId", supportId, "roles", List.of("SUPPORT")), admin)
                .orThrow();
        assertThat(promoted.data("setRoles.user.roles").toString()).contains("SUPPORT");

        // A customer's token has no kyc:write scope: refused before execution, whoever the target is.
        var refused = client.gateway().execute(SET_KYC, Map.of("input", Map.of("userId", customerId,
                "status", "VERIFIED")), customerToken);
        assertThat(refused.errors().toString()).contains("FORBIDDEN");
        assertThat(client.gateway().execute("query { me { kycStatus } }", Map.of(), customerToken).orThrow()
                .data("me.kycStatus").asString()).isEqualTo("PENDING");

        String support = client.login(supportEmail, "correct horse battery");
        var verified = client.gateway().execute(SET_KYC, Map.of("input", Map.of("userId", customerId,
                "status", "VERIFIED", "reason", "documents checked")), support).orThrow();
        assertThat(verified.data("setKycStatus.user.kycStatus").asString()).isEqualTo("VERIFIED");
    }

    @Test
    void aNewRegistrationStartsUnverified() {
        String token = registerToken("dana-" + UUID.randomUUID() + "@example.com");

        assertThat(client.gateway().execute(EMAIL_VERIFIED, Map.of(), token).orThrow().data("me.emailVerified").asBoolean())
                .isFalse();
    }

    private static String registerToken(String email) {
        return client.call("Register", Map.of("input", Map.of("email", email, "password", "correct horse battery",
                "displayName", "Demo Person")), null).orThrow().data("register.session.accessToken").asString();
    }

    private static String register(String email) {
        return client.gateway().execute("query { me { id } }", Map.of(), registerToken(email)).orThrow()
                .data("me.id").asString();
    }
}
