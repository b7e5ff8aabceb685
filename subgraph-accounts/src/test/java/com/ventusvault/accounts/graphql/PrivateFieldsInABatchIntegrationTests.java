package com.ventusvault.accounts.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.ventusvault.accounts.AccountsClient;
import com.ventusvault.accounts.AccountsIntegrationTest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Privacy is judged per user, not per request: in one {@code _entities} batch that mixes the viewer with other users
 * (ids in other spellings too), the viewer's own entry shows its private fields and every other entry shows none.
 * ({@link UserEntitiesIntegrationTests} tries each kind of viewer on one user at a time.)
 */
@AccountsIntegrationTest
class PrivateFieldsInABatchIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void aBatchMixingTheViewerWithOthersShowsOnlyTheViewersPrivateFields() {
        AccountsClient accounts = new AccountsClient(port);
        String victimEmail = AccountsClient.uniqueEmail();
        String victim = accounts.registerId(victimEmail);
        String viewerEmail = AccountsClient.uniqueEmail();
        String token = accounts.register(viewerEmail);
        String viewer = accounts.graphQl(token).documentName("me").execute().path("me.id").entity(String.class).get();

        GraphQlTester.Response response = accounts.graphQl(token).documentName("userEntities")
                .variable("representations", List.of(user(victim), user(viewer), user(victim.toUpperCase(Locale.ROOT)),
                        user(viewer.toUpperCase(Locale.ROOT))))
                .execute();

        response.errors().verify();
        List<Map> entities = response.path("_entities").entityList(Map.class).get();
        for (int victimEntry : List.of(0, 2)) {
            assertThat(entities.get(victimEntry)).containsEntry("id", victim).containsEntry("email", null)
                    .containsEntry("phone", null).containsEntry("roles", null).containsEntry("kycStatus", null)
                    .containsEntry("createdAt", null);
        }
        for (int viewerEntry : List.of(1, 3)) {
            assertThat(entities.get(viewerEntry)).containsEntry("id", viewer).containsEntry("email", viewerEmail)
                    .containsEntry("kycStatus", "PENDING");
        }
        assertThat(response.path("_entities").entityList(Map.class).get().toString()).doesNotContain(victimEmail);
    }

    private static Map<String, Object> user(String id) {
        return Map.of("__typename", "User", "id", id);
    }
}
