package com.ventusvault.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * What the identity tests do over and over: register users, make staff, read the tokens mailed to them from the
 * local sink and the entries of the audit log.
 */
public final class Identity {

    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]{43})\\b");

    /** A registered user: id, email and the access token from registration. */
    public record Registered(UUID id, String email, String token) {
    }

    /** One audit log entry. */
    public record Audited(UUID actorId, String action, String target, String requestId, String details) {
    }

    private final AccountsClient accounts;
    private final DatabaseClient database;
    private final SentNotifications sent;

    public Identity(AccountsClient accounts, DatabaseClient database) {
        this.accounts = accounts;
        this.database = database;
        this.sent = new SentNotifications(database);
    }

    public AccountsClient accounts() {
        return accounts;
    }

    public SentNotifications sent() {
        return sent;
    }

    public Registered register() {
        String email = AccountsClient.uniqueEmail();
        String token = accounts.register(email);
        String id = accounts.graphQl(token).documentName("me").execute().path("me.id").entity(String.class).get();
        return new Registered(UUID.fromString(id), email, token);
    }

    /** Registers a user, gives them these roles in the database, and signs them in (so the token carries them). */
    public Registered staff(String... roles) {
        Registered user = register();
        String[] all = new String[roles.length + 1];
        all[0] = "CUSTOMER";
        System.arraycopy(roles, 0, all, 1, roles.length);
        database.sql("update users set roles = :roles where id = :id").bind("roles", all).bind("id", user.id())
                .then().block(Duration.ofSeconds(10));
        return new Registered(user.id(), user.email(), accounts.login(user.email()));
    }

    /** The token in the newest email of this kind the user was sent; fails when there is none. */
    public String mailedToken(UUID user, String kind) {
        return token(sent.latest(user, kind, "EMAIL").body());
    }

    /** Like {@link #mailedToken}, waiting up to 10 s for the email (for mail sent after the response). */
    public String awaitMailedToken(UUID user, String kind) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            var mail = sent.forUser(user).stream().filter(s -> s.kind().equals(kind)).findFirst();
            if (mail.isPresent()) {
                return token(mail.get().body());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + kind + " email for " + user + " within 10 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    public long mailCount(UUID user, String kind) {
        return sent.forUser(user).stream().filter(s -> s.kind().equals(kind)).count();
    }

    private static String token(String body) {
        Matcher matcher = TOKEN.matcher(body);
        assertThat(matcher.find()).as("a token link in %s", body).isTrue();
        return matcher.group(1);
    }

    /** The audit entries about this user (target user:&lt;id&gt;), oldest first. */
    public List<Audited> auditOf(UUID user) {
        return database.sql("select actor_id, action, target, request_id, details::text as details from audit_log "
                        + "where target = :target order by id")
                .bind("target", "user:" + user)
                .map(row -> new Audited(row.get("actor_id", UUID.class), row.get("action", String.class),
                        row.get("target", String.class), row.get("request_id", String.class),
                        row.get("details", String.class)))
                .all().collectList().block(Duration.ofSeconds(10));
    }

    public List<String> auditActionsOf(UUID user) {
        return auditOf(user).stream().map(Audited::action).toList();
    }

    /** A user column as stored, e.g. {@code sessions_revoked_at}; null when it is null. */
    public <T> T column(UUID user, String column, Class<T> type) {
        return database.sql("select " + column + " from users where id = :id").bind("id", user)
                .map(row -> java.util.Optional.ofNullable(row.get(0, type))).one().block(Duration.ofSeconds(10))
                .orElse(null);
    }

    /** Runs a document with variables, with the access token when given. */
    public GraphQlTester.Response run(String document, String accessToken, Map<String, Object> variables) {
        var tester = accessToken == null ? accounts.graphQl() : accounts.graphQl(accessToken);
        var request = tester.documentName(document);
        for (var entry : variables.entrySet()) {
            request = request.variable(entry.getKey(), entry.getValue());
        }
        return request.execute();
    }

    /** Logs in with a password; the response, for checking user errors. */
    public GraphQlTester.Response login(String email, String password) {
        return run("login", null, Map.of("input", Map.of("email", email, "password", password)));
    }

    /** Logs in with the test password and returns the session's refresh token. */
    public String refreshToken(String email) {
        return run("loginSession", null, Map.of("input", Map.of("email", email, "password", AccountsClient.PASSWORD)))
                .path("login.session.refreshToken").entity(String.class).get();
    }

    /** Whether refreshSession accepts this refresh token (it rotates: each works once). */
    public boolean refreshes(String refreshToken) {
        return run("refreshSession", null, Map.of("refreshToken", refreshToken))
                .path("refreshSession.userErrors").entityList(Object.class).get().isEmpty();
    }

    /** A map that allows null values, for inputs that clear a field. */
    public static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
