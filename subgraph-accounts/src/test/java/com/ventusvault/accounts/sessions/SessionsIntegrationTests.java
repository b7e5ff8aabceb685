package com.ventusvault.accounts.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import com.ventusvault.accounts.AccountsIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

@AccountsIntegrationTest
class SessionsIntegrationTests {

    private static final String PASSWORD = "correct horse battery";

    @LocalServerPort
    int port;

    @Autowired
    DatabaseClient database;

    HttpGraphQlTester graphQl;

    @BeforeEach
    void connect() {
        graphQl = HttpGraphQlTester.create(WebTestClient.bindToServer().baseUrl("http://localhost:" + port + "/graphql")
                .responseTimeout(Duration.ofSeconds(30)).build());
    }

    @Test
    void registeredUserLogsInAndSeesThemselvesAsMe() {
        String email = "Ada." + UUID.randomUUID() + "@Example.COM ";
        GraphQlTester.Response registered = register(email, PASSWORD, "Ada Lovelace", "+44 20 7946 0958");
        registered.path("register.userErrors").entityList(Object.class).hasSize(0);
        Map<String, Object> user = registered.path("register.session.user").entity(Map.class).get();
        assertThat(user).containsEntry("email", email.strip().toLowerCase())
                .containsEntry("displayName", "Ada Lovelace")
                .containsEntry("phone", "+442079460958")
                .containsEntry("roles", List.of("CUSTOMER"))
                .containsEntry("kycStatus", "PENDING");
        Instant expiresAt = Instant.parse(registered.path("register.session.expiresAt").entity(String.class).get());
        assertThat(expiresAt).isBetween(Instant.now().plus(Duration.ofMinutes(14)), Instant.now().plus(Duration.ofMinutes(16)));

        GraphQlTester.Response login = login(email.toUpperCase(), PASSWORD);
        login.path("login.userErrors").entityList(Object.class).hasSize(0);
        login.path("login.session.user.id").entity(String.class).isEqualTo((String) user.get("id"));
        String token = login.path("login.session.accessToken").entity(String.class).get();

        graphQl.mutate().header("Authorization", "Bearer " + token).build()
                .documentName("me").execute()
                .path("me.id").entity(String.class).isEqualTo((String) user.get("id"))
                .path("me.email").entity(String.class).isEqualTo(email.strip().toLowerCase())
                .path("me.kycStatus").entity(String.class).isEqualTo("PENDING");
    }

    @Test
    void storesAnArgon2idHashNotThePassword() {
        String email = "hash-" + UUID.randomUUID() + "@example.com";
        register(email, PASSWORD, "Hash Check", null).path("register.userErrors").entityList(Object.class).hasSize(0);
        String hash = database.sql("select password_hash from users where email = :email").bind("email", email)
                .map(row -> row.get(0, String.class)).one().block();
        assertThat(hash).startsWith("$argon2id$").doesNotContain(PASSWORD);
    }

    @Test
    void secondRegistrationOfAnEmailIsEmailTaken() {
        String email = "taken-" + UUID.randomUUID() + "@example.com";
        register(email, PASSWORD, "First", null).path("register.userErrors").entityList(Object.class).hasSize(0);

        GraphQlTester.Response again = register(email.toUpperCase(), PASSWORD, "Second", null);
        again.path("register.session").valueIsNull();
        again.path("register.userErrors[0].code").entity(String.class).isEqualTo("EMAIL_TAKEN");
        again.path("register.userErrors[0].field").entityList(String.class).containsExactly("input", "email");
    }

    @Test
    void concurrentRegistrationsOfOneEmailLetExactlyOneWin() {
        String email = "race-" + UUID.randomUUID() + "@example.com";
        int attempts = 6;
        List<String> codes = Flux.range(0, attempts)
                .flatMap(i -> Mono.fromCallable(() -> {
                    GraphQlTester.Response response = register(email, PASSWORD, "Racer " + i, null);
                    List<Map> errors = response.path("register.userErrors").entityList(Map.class).get();
                    return errors.isEmpty() ? "OK" : (String) errors.getFirst().get("code");
                }).subscribeOn(Schedulers.boundedElastic()), attempts)
                .collectList().block(Duration.ofSeconds(60));

        assertThat(codes).hasSize(attempts);
        assertThat(codes).filteredOn("OK"::equals).hasSize(1);
        assertThat(codes).filteredOn("EMAIL_TAKEN"::equals).hasSize(attempts - 1);
        Long stored = database.sql("select count(*) from users where email = :email").bind("email", email)
                .map(row -> row.get(0, Long.class)).one().block();
        assertThat(stored).isEqualTo(1L);
    }

    @Test
    void shortPasswordIsRefusedWithTheFieldAtFault() {
        GraphQlTester.Response response = register("short-" + UUID.randomUUID() + "@example.com", "123456789", "Shorty", null);
        response.path("register.session").valueIsNull();
        response.path("register.userErrors[0].code").entity(String.class).isEqualTo("PASSWORD_TOO_SHORT");
        response.path("register.userErrors[0].field").entityList(String.class).containsExactly("input", "password");
    }

    @Test
    void everyBrokenRuleIsReportedAtOnce() {
        String longPassword = "x".repeat(129);
        GraphQlTester.Response response = register("not an email", longPassword, " ", "12345");
        List<String> codes = new ArrayList<>();
        response.path("register.userErrors[*].code").entityList(String.class).satisfies(codes::addAll);
        assertThat(codes).containsExactly("INVALID_EMAIL", "PASSWORD_TOO_LONG", "DISPLAY_NAME_REQUIRED", "INVALID_PHONE");
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameAnswer() {
        String email = "login-" + UUID.randomUUID() + "@example.com";
        register(email, PASSWORD, "Login", null).path("register.userErrors").entityList(Object.class).hasSize(0);

        GraphQlTester.Response wrongPassword = login(email, "not the password");
        GraphQlTester.Response unknownEmail = login("nobody-" + UUID.randomUUID() + "@example.com", PASSWORD);

        wrongPassword.path("login.session").valueIsNull();
        unknownEmail.path("login.session").valueIsNull();
        Map<String, Object> wrong = wrongPassword.path("login.userErrors[0]").entity(Map.class).get();
        Map<String, Object> unknown = unknownEmail.path("login.userErrors[0]").entity(Map.class).get();
        assertThat(wrong).containsEntry("code", "INVALID_CREDENTIALS").isEqualTo(unknown);
    }

    private GraphQlTester.Response register(String email, String password, String displayName, String phone) {
        Map<String, Object> input = new java.util.HashMap<>(Map.of("email", email, "password", password,
                "displayName", displayName));
        if (phone != null) {
            input.put("phone", phone);
        }
        return graphQl.documentName("register").variable("input", input).execute();
    }

    private GraphQlTester.Response login(String email, String password) {
        return graphQl.documentName("login").variable("input", Map.of("email", email, "password", password)).execute();
    }
}
