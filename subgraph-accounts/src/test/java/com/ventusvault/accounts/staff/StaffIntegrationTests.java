package com.ventusvault.accounts.staff;

import static com.ventusvault.accounts.Identity.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.ventusvault.accounts.AccountsClient;
import com.ventusvault.accounts.Identity;
import com.ventusvault.accounts.IdentityIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
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
class StaffIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    DatabaseClient database;

    Identity identity;

    @BeforeEach
    void connect() {
        identity = new Identity(new AccountsClient(port), database);
    }

    @Test
    void aCustomerCannotSetTheirOwnKycStatusEvenCallingAccountsDirectly() {
        Identity.Registered customer = identity.register();

        forbidden(setKyc(customer.token(), customer.id().toString(), "VERIFIED", null), "setKycStatus");

        assertThat(kycOf(customer)).isEqualTo("PENDING");
        assertThat(identity.auditActionsOf(customer.id())).doesNotContain("user.kyc.changed");
    }

    @Test
    void aCustomerCannotSetAnotherUsersKycStatus() {
        Identity.Registered customer = identity.register();
        Identity.Registered other = identity.register();

        forbidden(setKyc(customer.token(), other.id().toString(), "REJECTED", "because I can"), "setKycStatus");
        assertThat(kycOf(other)).isEqualTo("PENDING");
    }

    @Test
    void supportAndAdminSetKycStatusAndEachChangeIsAudited() {
        Identity.Registered customer = identity.register();
        Identity.Registered support = identity.staff("SUPPORT");
        Identity.Registered admin = identity.staff("ADMIN");

        GraphQlTester.Response verified = identity.accounts().graphQl(support.token()).mutate()
                .header("X-Request-Id", "kyc-" + customer.id()).build()
                .documentName("setKycStatus")
                .variable("input", map("userId", customer.id().toString(), "status", "VERIFIED", "reason", "passport ok"))
                .execute();
        verified.path("setKycStatus.userErrors").entityList(Object.class).hasSize(0);
        verified.path("setKycStatus.user.kycStatus").entity(String.class).isEqualTo("VERIFIED");
        setKyc(admin.token(), customer.id().toString(), "REJECTED", "document forged")
                .path("setKycStatus.user.kycStatus").entity(String.class).isEqualTo("REJECTED");

        List<Identity.Audited> changes = identity.auditOf(customer.id()).stream()
                .filter(entry -> entry.action().equals("user.kyc.changed")).toList();
        assertThat(changes).hasSize(2);
        assertThat(changes.get(0).actorId()).isEqualTo(support.id());
        assertThat(changes.get(0).requestId()).isEqualTo("kyc-" + customer.id());
        assertThat(changes.get(0).details()).contains("\"from\": \"PENDING\"", "\"to\": \"VERIFIED\"", "passport ok");
        assertThat(changes.get(1).actorId()).isEqualTo(admin.id());
        assertThat(changes.get(1).details()).contains("\"to\": \"REJECTED\"", "document forged");
        identity.run("identity", customer.token(), Map.of()).path("me.kycStatus").entity(String.class).isEqualTo("REJECTED");
    }

    @Test
    void rejectingNeedsAReason() {
        Identity.Registered customer = identity.register();
        Identity.Registered support = identity.staff("SUPPORT");

        GraphQlTester.Response refused = setKyc(support.token(), customer.id().toString(), "REJECTED", "  ");
        refused.path("setKycStatus.user").valueIsNull();
        refused.path("setKycStatus.userErrors[0].code").entity(String.class).isEqualTo("REASON_REQUIRED");
        refused.path("setKycStatus.userErrors[0].field").entityList(String.class).containsExactly("input", "reason");
        assertThat(kycOf(customer)).isEqualTo("PENDING");
    }

    @Test
    void staffCannotSetTheirOwnKycStatus() {
        Identity.Registered support = identity.staff("SUPPORT");

        setKyc(support.token(), support.id().toString(), "VERIFIED", null)
                .path("setKycStatus.userErrors[0].code").entity(String.class).isEqualTo("CANNOT_CHANGE_OWN_KYC");
        assertThat(kycOf(support)).isEqualTo("PENDING");
    }

    @Test
    void aDemotedStaffMembersUnexpiredTokenNoLongerSetsKycStatus() {
        Identity.Registered customer = identity.register();
        Identity.Registered support = identity.staff("SUPPORT");
        database.sql("update users set roles = array['CUSTOMER'] where id = :id").bind("id", support.id()).then().block();

        forbidden(setKyc(support.token(), customer.id().toString(), "VERIFIED", null), "setKycStatus");
        assertThat(kycOf(customer)).isEqualTo("PENDING");
    }

    @Test
    void aTokenWithRolesEditedByTheHolderIsRejected() {
        Identity.Registered customer = identity.register();
        String[] parts = customer.token().split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"CUSTOMER\"", "\"CUSTOMER\",\"ADMIN\"");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        String algNone = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".";

        for (String forged : List.of(tampered, algNone)) {
            identity.run("setRoles", forged, Map.of("userId", customer.id().toString(), "roles", List.of("ADMIN")))
                    .errors().expect(error -> "UNAUTHENTICATED".equals(error.getExtensions().get("code"))).verify();
        }
        assertThat(rolesOf(customer)).containsExactly("CUSTOMER");
    }

    @Test
    void aCustomerCannotGrantThemselvesAdminOrSupport() {
        Identity.Registered customer = identity.register();

        for (String role : List.of("ADMIN", "SUPPORT")) {
            forbidden(setRoles(customer.token(), customer.id().toString(), List.of(role)), "setRoles");
        }
        assertThat(rolesOf(customer)).containsExactly("CUSTOMER");
        assertThat(identity.auditActionsOf(customer.id())).doesNotContain("user.roles.changed");
    }

    @Test
    void supportCannotChangeRoles() {
        Identity.Registered customer = identity.register();
        Identity.Registered support = identity.staff("SUPPORT");

        forbidden(setRoles(support.token(), customer.id().toString(), List.of("SUPPORT")), "setRoles");
        forbidden(setRoles(support.token(), support.id().toString(), List.of("SUPPORT", "ADMIN")), "setRoles");
        assertThat(rolesOf(support)).containsExactly("CUSTOMER", "SUPPORT");
    }

    @Test
    void anAdminReplacesRolesKeepingCustomerAndARemovedRoleEndsSessions() {
        Identity.Registered user = identity.register();
        Identity.Registered admin = identity.staff("ADMIN");

        GraphQlTester.Response promoted = setRoles(admin.token(), user.id().toString(), List.of("SUPPORT"));
        promoted.path("setRoles.userErrors").entityList(Object.class).hasSize(0);
        promoted.path("setRoles.user.roles").entityList(String.class).containsExactly("CUSTOMER", "SUPPORT");
        assertThat(identity.column(user.id(), "sessions_revoked_at", OffsetDateTime.class)).isNull();
        String supportSession = identity.refreshToken(user.email());

        setRoles(admin.token(), user.id().toString(), List.of())
                .path("setRoles.user.roles").entityList(String.class).containsExactly("CUSTOMER");
        assertThat(identity.column(user.id(), "sessions_revoked_at", OffsetDateTime.class)).isNotNull();
        assertThat(identity.refreshes(supportSession)).as("a session holding the removed role").isFalse();

        List<Identity.Audited> changes = identity.auditOf(user.id()).stream()
                .filter(entry -> entry.action().equals("user.roles.changed")).toList();
        assertThat(changes).hasSize(2).allSatisfy(entry -> assertThat(entry.actorId()).isEqualTo(admin.id()));
        assertThat(changes.get(0).details()).contains("\"to\": [\"CUSTOMER\", \"SUPPORT\"]");
        assertThat(changes.get(1).details()).contains("\"sessionsEnded\": true");
    }

    @Test
    void anAdminCannotRemoveAdminFromThemselves() {
        Identity.Registered admin = identity.staff("ADMIN");

        GraphQlTester.Response refused = setRoles(admin.token(), admin.id().toString(), List.of("SUPPORT"));
        refused.path("setRoles.user").valueIsNull();
        refused.path("setRoles.userErrors[0].code").entity(String.class).isEqualTo("CANNOT_REMOVE_OWN_ADMIN");
        assertThat(rolesOf(admin)).containsExactly("CUSTOMER", "ADMIN");

        setRoles(admin.token(), admin.id().toString(), List.of("ADMIN", "SUPPORT"))
                .path("setRoles.user.roles").entityList(String.class).containsExactly("CUSTOMER", "SUPPORT", "ADMIN");
    }

    @Test
    void unknownAndMalformedUserIds() {
        Identity.Registered admin = identity.staff("ADMIN");

        setRoles(admin.token(), UUID.randomUUID().toString(), List.of("SUPPORT"))
                .path("setRoles.userErrors[0].code").entity(String.class).isEqualTo("USER_NOT_FOUND");
        setKyc(admin.token(), UUID.randomUUID().toString(), "VERIFIED", null)
                .path("setKycStatus.userErrors[0].code").entity(String.class).isEqualTo("USER_NOT_FOUND");
        setRoles(admin.token(), "not-a-uuid", List.of("SUPPORT")).errors()
                .expect(error -> "BAD_REQUEST".equals(error.getExtensions().get("code"))).verify();
    }

    @Test
    void userByEmailIsForStaffOnly() {
        Identity.Registered customer = identity.register();
        Identity.Registered other = identity.register();
        Identity.Registered support = identity.staff("SUPPORT");

        forbidden(identity.run("userByEmail", customer.token(), Map.of("email", other.email())), "userByEmail");
        identity.run("userByEmail", null, Map.of("email", other.email())).errors()
                .expect(error -> "UNAUTHENTICATED".equals(error.getExtensions().get("code"))).verify();

        GraphQlTester.Response found = identity.run("userByEmail", support.token(),
                Map.of("email", " " + other.email().toUpperCase() + " "));
        found.path("userByEmail.id").entity(String.class).isEqualTo(other.id().toString());
        found.path("userByEmail.email").entity(String.class).isEqualTo(other.email());
        found.path("userByEmail.emailVerified").entity(Boolean.class).isEqualTo(false);
        identity.run("userByEmail", support.token(), Map.of("email", "nobody-" + UUID.randomUUID() + "@example.com"))
                .path("userByEmail").valueIsNull();
    }

    private static void forbidden(GraphQlTester.Response response, String field) {
        // The payload types are non-null, so the null bubbles up to data (nullable fields stay null in place).
        response.errors().expect(error -> "FORBIDDEN".equals(error.getExtensions().get("code"))
                && List.of(field).equals(error.getParsedPath())).verify();
    }

    private GraphQlTester.Response setKyc(String token, String userId, String status, String reason) {
        return identity.run("setKycStatus", token, Map.of("input", map("userId", userId, "status", status,
                "reason", reason)));
    }

    private GraphQlTester.Response setRoles(String token, String userId, List<String> roles) {
        return identity.run("setRoles", token, Map.of("userId", userId, "roles", roles));
    }

    private String kycOf(Identity.Registered user) {
        return identity.column(user.id(), "kyc_status", String.class);
    }

    private List<String> rolesOf(Identity.Registered user) {
        return List.of(identity.column(user.id(), "roles", String[].class));
    }
}
