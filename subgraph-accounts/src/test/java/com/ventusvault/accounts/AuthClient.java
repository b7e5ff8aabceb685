package com.ventusvault.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Drives the session mutations over real HTTP from one "device": a User-Agent and a client IP (sent as
 * X-Forwarded-For, which accounts believes from loopback, where the tests run, as it would from the gateway).
 */
public final class AuthClient {

    public static final String PASSWORD = "correct horse battery";
    public static final String DEFAULT_AGENT = "VentusVaultTests/1.0";
    public static final String DEFAULT_IP = "203.0.113.10";

    /** An access token and a refresh token of one session. */
    public record Tokens(String access, String refresh) {
    }

    private final int port;
    private final String userAgent;
    private final String ip;

    public AuthClient(int port) {
        this(port, DEFAULT_AGENT, DEFAULT_IP);
    }

    private AuthClient(int port, String userAgent, String ip) {
        this.port = port;
        this.userAgent = userAgent;
        this.ip = ip;
    }

    /** The same server, seen from another device. */
    public AuthClient from(String userAgent, String ip) {
        return new AuthClient(port, userAgent, ip);
    }

    public HttpGraphQlTester graphQl() {
        return HttpGraphQlTester.create(WebTestClient.bindToServer().baseUrl("http://localhost:" + port + "/graphql")
                .defaultHeader("User-Agent", userAgent).defaultHeader("X-Forwarded-For", ip)
                .responseTimeout(Duration.ofSeconds(30)).build());
    }

    public HttpGraphQlTester graphQl(String accessToken) {
        return graphQl().mutate().header("Authorization", "Bearer " + accessToken).build();
    }

    public GraphQlTester.Response execute(String document, Map<String, Object> variables) {
        GraphQlTester.Request<?> request = graphQl().documentName(document);
        variables.forEach(request::variable);
        return request.execute();
    }

    public GraphQlTester.Response executeAs(String accessToken, String document, Map<String, Object> variables) {
        GraphQlTester.Request<?> request = graphQl(accessToken).documentName(document);
        variables.forEach(request::variable);
        return request.execute();
    }

    /** An email no other test uses. */
    public static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID() + "@example.com";
    }

    /** Registers a user (with a phone when given) and returns their session. */
    public Tokens register(String email, String phone) {
        Map<String, Object> input = new HashMap<>(Map.of("email", email, "password", PASSWORD, "displayName", "Test"));
        if (phone != null) {
            input.put("phone", phone);
        }
        GraphQlTester.Response response = execute("registerSession", Map.of("input", input));
        response.path("register.userErrors").entityList(Object.class).hasSize(0);
        return tokens(response, "register");
    }

    /** The login response for these credentials (codes may be null). */
    public GraphQlTester.Response login(String email, String password, String totpCode, String recoveryCode) {
        Map<String, Object> input = new HashMap<>(Map.of("email", email, "password", password));
        if (totpCode != null) {
            input.put("totpCode", totpCode);
        }
        if (recoveryCode != null) {
            input.put("recoveryCode", recoveryCode);
        }
        return execute("loginSession", Map.of("input", input));
    }

    /** Logs in with the right password (and no second factor) and returns the session. */
    public Tokens login(String email) {
        GraphQlTester.Response response = login(email, PASSWORD, null, null);
        response.path("login.userErrors").entityList(Object.class).hasSize(0);
        return tokens(response, "login");
    }

    public GraphQlTester.Response refresh(String refreshToken) {
        return execute("refreshSession", Map.of("refreshToken", refreshToken));
    }

    /** The user error codes of a payload at {@code path} (e.g. {@code login}). */
    public static List<String> errorCodes(GraphQlTester.Response response, String path) {
        return response.path(path + ".userErrors[*].code").entityList(String.class).get();
    }

    public static Tokens tokens(GraphQlTester.Response response, String path) {
        String access = response.path(path + ".session.accessToken").entity(String.class).get();
        String refresh = response.path(path + ".session.refreshToken").entity(String.class).get();
        assertThat(access).isNotBlank();
        assertThat(refresh).isNotBlank();
        return new Tokens(access, refresh);
    }

    /** The id of the signed-in user. */
    public String idOf(Tokens tokens) {
        return executeAs(tokens.access(), "me", Map.of()).path("me.id").entity(String.class).get();
    }

    /** The audit actions recorded for a target ({@code user:<uuid>}), oldest first. */
    public static List<String> auditActions(DatabaseClient database, String target) {
        return database.sql("select action from audit_log where target = :target order by id")
                .bind("target", target).map(row -> row.get("action", String.class)).all().collectList()
                .block(Duration.ofSeconds(10));
    }
}
