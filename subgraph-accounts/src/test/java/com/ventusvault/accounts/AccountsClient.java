package com.ventusvault.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Talks to a running accounts app over real HTTP, the way the gateway does. */
public final class AccountsClient {

    public static final String PASSWORD = "correct horse battery";

    private final int port;

    public AccountsClient(int port) {
        this.port = port;
    }

    public HttpGraphQlTester graphQl() {
        return HttpGraphQlTester.create(web("/graphql"));
    }

    public HttpGraphQlTester graphQl(String accessToken) {
        return graphQl().mutate().header("Authorization", "Bearer " + accessToken).build();
    }

    public WebTestClient web(String path) {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port + path)
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** An email no other test uses. */
    public static String uniqueEmail() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }

    /** Registers a user and returns the session's access token. */
    public String register(String email) {
        return graphQl().documentName("register")
                .variable("input", Map.of("email", email, "password", PASSWORD, "displayName", "Test User"))
                .execute()
                .path("register.userErrors").entityList(Object.class).hasSize(0)
                .path("register.session.accessToken").entity(String.class).satisfies(token -> assertThat(token).isNotBlank())
                .get();
    }

    /** Logs a registered user in and returns the session's access token (roles as stored now). */
    public String login(String email) {
        return graphQl().documentName("login")
                .variable("input", Map.of("email", email, "password", PASSWORD))
                .execute()
                .path("login.userErrors").entityList(Object.class).hasSize(0)
                .path("login.session.accessToken").entity(String.class).get();
    }

    /** Registers a user and returns their id. */
    public String registerId(String email) {
        return graphQl(register(email)).documentName("me").execute().path("me.id").entity(String.class).get();
    }
}
