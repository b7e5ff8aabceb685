package com.ventusvault.accounts.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.ventusvault.accounts.AccountsClient;
import com.ventusvault.accounts.AccountsIntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;

@AccountsIntegrationTest
class UserEntitiesIntegrationTests {

    @LocalServerPort
    int port;

    AccountsClient accounts;

    @BeforeEach
    void connect() {
        accounts = new AccountsClient(port);
    }

    @Test
    void resolvesABatchOfUsersInRepresentationOrderWithNullForUnknownIds() {
        String firstEmail = AccountsClient.uniqueEmail();
        String secondEmail = AccountsClient.uniqueEmail();
        String first = accounts.registerId(firstEmail);
        String second = accounts.registerId(secondEmail);
        String viewerToken = accounts.register(AccountsClient.uniqueEmail());

        List<Map<String, Object>> representations = List.of(
                user(second), user(UUID.randomUUID().toString()), user(first), user("not-a-uuid"), user(second));
        GraphQlTester.Response response = accounts.graphQl(viewerToken).documentName("userEntities")
                .variable("representations", representations).execute();

        response.errors().verify();
        List<Map> entities = response.path("_entities").entityList(Map.class).get();
        assertThat(entities).hasSize(5);
        assertThat(entities.get(0)).containsEntry("__typename", "User").containsEntry("id", second)
                .containsEntry("email", secondEmail).containsEntry("kycStatus", "PENDING");
        assertThat(entities.get(1)).isNull();
        assertThat(entities.get(2)).containsEntry("id", first).containsEntry("email", firstEmail);
        assertThat(entities.get(3)).isNull();
        assertThat(entities.get(4)).containsEntry("id", second);
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

    private static Map<String, Object> user(String id) {
        return Map.of("__typename", "User", "id", id);
    }
}
