package com.ventusvault.accounts.lookup;

import com.ventusvault.accounts.AccountsClient;
import com.ventusvault.accounts.AccountsIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@AccountsIntegrationTest
class UserLookupIntegrationTests {

    @LocalServerPort
    int port;

    AccountsClient accounts;
    WebTestClient lookup;

    @BeforeEach
    void connect() {
        accounts = new AccountsClient(port);
        lookup = accounts.web("/internal/users/lookup");
    }

    @Test
    void findsTheIdOfARegisteredEmailCaseInsensitively() {
        String email = AccountsClient.uniqueEmail();
        String id = accounts.registerId(email);
        String callerToken = accounts.register(AccountsClient.uniqueEmail());

        lookup.post().header("Authorization", "Bearer " + callerToken).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", " " + email.toUpperCase() + " "))
                .exchange()
                .expectStatus().isOk()
                .expectBody().json("{\"id\":\"" + id + "\"}", true);
    }

    @Test
    void unknownEmailIsNotFound() {
        String callerToken = accounts.register(AccountsClient.uniqueEmail());

        lookup.post().header("Authorization", "Bearer " + callerToken).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", AccountsClient.uniqueEmail()))
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().json("{\"error\":\"NOT_FOUND\"}", true);
    }

    @Test
    void missingOrInvalidTokenIsUnauthorized() {
        lookup.post().contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("email", "a@example.com"))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
                .expectBody().json("{\"error\":\"UNAUTHENTICATED\"}", true);

        lookup.post().header("Authorization", "Bearer not.a.token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", "a@example.com"))
                .exchange()
                .expectStatus().isUnauthorized();
    }
}
