package com.ventusvault.accounts.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.ventusvault.accounts.AccountsClient;
import com.ventusvault.accounts.AccountsIntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.graphql.test.tester.GraphQlTester;

@AccountsIntegrationTest
class UserEntitiesIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    DatabaseClient database;

    AccountsClient accounts;

    @BeforeEach
    void connect() {
        accounts = new AccountsClient(port);
    }

    @Test
    void resolvesABatchOfUsersInRepresentationOrderWithNullForUnknownIds() {
        String first = accounts.registerId(AccountsClient.uniqueEmail());
        String second = accounts.registerId(AccountsClient.uniqueEmail());
        String viewerToken = accounts.register(AccountsClient.uniqueEmail());

        List<Map<String, Object>> representations = List.of(
                user(second), user(UUID.randomUUID().toString()), user(first), user("not-a-uuid"), user(second));
        GraphQlTester.Response response = accounts.graphQl(viewerToken).documentName("userEntities")
                .variable("representations", representations).execute();

        response.errors().verify();
        List<Map> entities = response.path("_entities").entityList(Map.class).get();
        assertThat(entities).hasSize(5);
        assertThat(entities.get(0)).containsEntry("__typename", "User").containsEntry("id", second);
        assertThat(entities.get(1)).isNull();
        assertThat(entities.get(2)).containsEntry("id", first);
        assertThat(entities.get(3)).isNull();
        assertThat(entities.get(4)).containsEntry("id", second);
    }

    @Test
    void aStrangerSeesOnlyIdAndDisplayName() {
        String id = accounts.registerId(AccountsClient.uniqueEmail());
        String strangerToken = accounts.register(AccountsClient.uniqueEmail());

        Map<String, Object> entity = entity(strangerToken, id);

        assertThat(entity).containsEntry("__typename", "User").containsEntry("id", id)
                .containsEntry("displayName", "Test User");
        assertThat(entity).containsEntry("email", null).containsEntry("phone", null).containsEntry("roles", null)
                .containsEntry("kycStatus", null).containsEntry("createdAt", null);
    }

    @Test
    void theUserThemselfSeesEveryField() {
        String email = AccountsClient.uniqueEmail();
        String token = accounts.register(email);
        String id = accounts.graphQl(token).documentName("me").execute().path("me.id").entity(String.class).get();

        assertFullyVisible(entity(token, id), id, email);
    }

    @Test
    void supportAndAdminStaffSeeEveryField() {
        String email = AccountsClient.uniqueEmail();
        String id = accounts.registerId(email);
        for (String role : List.of("SUPPORT", "ADMIN")) {
            String staffEmail = AccountsClient.uniqueEmail();
            String staffId = accounts.registerId(staffEmail);
            database.sql("update users set roles = array['CUSTOMER', :role] where id = :id")
                    .bind("role", role).bind("id", UUID.fromString(staffId)).then().block();
            String staffToken = accounts.login(staffEmail);

            assertFullyVisible(entity(staffToken, id), id, email);
        }
    }

    @Test
    void aCustomerRoleDoesNotOpenOtherUsersPrivateFields() {
        String id = accounts.registerId(AccountsClient.uniqueEmail());
        String customerEmail = AccountsClient.uniqueEmail();
        accounts.registerId(customerEmail);

        assertThat(entity(accounts.login(customerEmail), id)).containsEntry("email", null).containsEntry("roles", null);
    }

    @Test
    void resolvingUsersNeedsASignedInCaller() {
        String id = accounts.registerId(AccountsClient.uniqueEmail());

        accounts.graphQl().documentName("userEntities").variable("representations", List.of(user(id))).execute()
                .errors()
                .expect(error -> "UNAUTHENTICATED".equals(error.getExtensions().get("code")))
                .verify()
                .path("_entities[0]").valueIsNull();
    }

    @Test
    void serviceSdlDeclaresTheUserKey() {
        String sdl = accounts.graphQl().documentName("serviceSdl").execute()
                .path("_service.sdl").entity(String.class).get();
        assertThat(sdl).containsPattern("type User @key\\(fields\\s*:\\s*\"id\"")
                .contains("register(input: RegisterInput!): AuthPayload!");
    }

    private Map<String, Object> entity(String token, String id) {
        GraphQlTester.Response response = accounts.graphQl(token).documentName("userEntities")
                .variable("representations", List.of(user(id))).execute();
        response.errors().verify();
        return response.path("_entities[0]").entity(new ParameterizedTypeReference<Map<String, Object>>() {
        }).get();
    }

    private static void assertFullyVisible(Map<String, Object> entity, String id, String email) {
        assertThat(entity).containsEntry("id", id).containsEntry("email", email)
                .containsEntry("displayName", "Test User").containsEntry("kycStatus", "PENDING")
                .containsKey("phone").hasEntrySatisfying("createdAt", createdAt -> assertThat(createdAt).isNotNull());
        assertThat(entity.get("roles")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).contains("CUSTOMER");
    }

    private static Map<String, Object> user(String id) {
        return Map.of("__typename", "User", "id", id);
    }
}
