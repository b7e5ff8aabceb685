package com.ventusvault.accounts.profile;

import static com.ventusvault.accounts.Identity.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.ventusvault.accounts.AccountsClient;
import com.ventusvault.accounts.Identity;
import com.ventusvault.accounts.IdentityIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;

@IdentityIntegrationTest
class ProfileIntegrationTests {

    private static final Map<String, Object> LAGOS = map("line1", " 12 Marina Road ", "line2", "", "city", "Lagos",
            "region", "Lagos State", "postalCode", "101001", "country", "ng");

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
    void updatesNamePhoneAndAddressNormalisedAuditsFieldNamesAndAlertsAboutThePhone() {
        Identity.Registered user = identity.register();

        GraphQlTester.Response updated = update(user.token(), map("displayName", "  Ada L. ",
                "phone", "+234 801 234 5678", "address", LAGOS));

        updated.path("updateProfile.userErrors").entityList(Object.class).hasSize(0);
        updated.path("updateProfile.user.displayName").entity(String.class).isEqualTo("Ada L.");
        updated.path("updateProfile.user.phone").entity(String.class).isEqualTo("+2348012345678");
        Map<String, Object> address = updated.path("updateProfile.user.address").entity(MAP).get();
        assertThat(address).containsEntry("line1", "12 Marina Road").containsEntry("line2", null)
                .containsEntry("city", "Lagos").containsEntry("region", "Lagos State")
                .containsEntry("postalCode", "101001").containsEntry("country", "NG");
        identity.run("identity", user.token(), Map.of()).path("me.address.country").entity(String.class).isEqualTo("NG");

        Identity.Audited audited = identity.auditOf(user.id()).stream()
                .filter(entry -> entry.action().equals("user.profile.updated")).findFirst().orElseThrow();
        assertThat(audited.actorId()).isEqualTo(user.id());
        assertThat(audited.details()).contains("displayName", "phone", "address")
                .doesNotContain("2348012345678").doesNotContain("Marina");
        assertThat(identity.sent().latest(user.id(), "SECURITY_ALERT", "EMAIL").body()).contains("5678");
    }

    @Test
    void leftOutFieldsStayAndNullClearsPhoneAndAddress() {
        Identity.Registered user = identity.register();
        update(user.token(), map("phone", "+447700900123", "address", LAGOS))
                .path("updateProfile.userErrors").entityList(Object.class).hasSize(0);

        GraphQlTester.Response renamed = update(user.token(), map("displayName", "Renamed"));
        renamed.path("updateProfile.user.phone").entity(String.class).isEqualTo("+447700900123");
        renamed.path("updateProfile.user.address.city").entity(String.class).isEqualTo("Lagos");

        GraphQlTester.Response cleared = update(user.token(), map("phone", null, "address", null));
        cleared.path("updateProfile.userErrors").entityList(Object.class).hasSize(0);
        cleared.path("updateProfile.user.displayName").entity(String.class).isEqualTo("Renamed");
        cleared.path("updateProfile.user.phone").valueIsNull();
        cleared.path("updateProfile.user.address").valueIsNull();
    }

    @Test
    void everyBrokenRuleIsReportedAtOnceAndNothingChanges() {
        Identity.Registered user = identity.register();

        GraphQlTester.Response refused = update(user.token(), map("displayName", " ", "phone", "0801 234",
                "address", map("line1", " ", "city", "Lagos", "country", "Nigeria")));

        refused.path("updateProfile.user").valueIsNull();
        List<String> codes = new ArrayList<>();
        refused.path("updateProfile.userErrors[*].code").entityList(String.class).satisfies(codes::addAll);
        assertThat(codes).containsExactly("DISPLAY_NAME_REQUIRED", "INVALID_PHONE", "ADDRESS_LINE1_REQUIRED",
                "INVALID_COUNTRY");
        refused.path("updateProfile.userErrors[3].field").entityList(String.class)
                .containsExactly("input", "address", "country");
        GraphQlTester.Response me = identity.run("identity", user.token(), Map.of());
        me.path("me.displayName").entity(String.class).isEqualTo("Test User");
        me.path("me.phone").valueIsNull();
        me.path("me.address").valueIsNull();
        assertThat(identity.auditActionsOf(user.id())).doesNotContain("user.profile.updated");
    }

    @Test
    void aDisplayNameCannotBeClearedWithNull() {
        Identity.Registered user = identity.register();
        update(user.token(), map("displayName", null))
                .path("updateProfile.userErrors[0].code").entity(String.class).isEqualTo("DISPLAY_NAME_REQUIRED");
    }

    @Test
    void updatingAProfileNeedsASignedInUser() {
        update(null, map("displayName", "Anonymous")).errors()
                .expect(error -> "UNAUTHENTICATED".equals(error.getExtensions().get("code"))).verify();
    }

    @Test
    void addressAndEmailVerifiedArePrivateLikeEmail() {
        Identity.Registered owner = identity.register();
        update(owner.token(), map("address", LAGOS)).path("updateProfile.userErrors").entityList(Object.class).hasSize(0);
        Identity.Registered stranger = identity.register();
        Identity.Registered support = identity.staff("SUPPORT");

        Map<String, Object> seenByStranger = entity(stranger.token(), owner);
        assertThat(seenByStranger).containsEntry("id", owner.id().toString()).containsEntry("displayName", "Test User")
                .containsEntry("email", null).containsEntry("emailVerified", null).containsEntry("address", null);

        for (Identity.Registered allowed : List.of(owner, support)) {
            Map<String, Object> seen = entity(allowed.token(), owner);
            assertThat(seen).containsEntry("email", owner.email()).containsEntry("emailVerified", false);
            assertThat(seen.get("address")).isEqualTo(Map.of("line1", "12 Marina Road", "city", "Lagos", "country", "NG"));
        }
    }

    private Map<String, Object> entity(String token, Identity.Registered user) {
        GraphQlTester.Response response = identity.run("identityEntities", token, Map.of("representations",
                List.of(Map.of("__typename", "User", "id", user.id().toString()))));
        response.errors().verify();
        return response.path("_entities[0]").entity(MAP).get();
    }

    private GraphQlTester.Response update(String token, Map<String, Object> input) {
        return identity.run("updateProfile", token, Map.of("input", input));
    }

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };
}
