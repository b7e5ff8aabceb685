package com.ventusvault.accounts.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ventusvault.accounts.AccountsClient;
import com.ventusvault.accounts.AccountsIntegrationTest;
import com.ventusvault.platform.requests.RequestFacts;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;

/** The audit log: append-only in the database, readable page by page by ADMIN only. */
@AccountsIntegrationTest
class AuditLogIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    AuditTrail trail;

    @Autowired
    DatabaseClient database;

    AccountsClient accounts;

    @BeforeEach
    void connect() {
        accounts = new AccountsClient(port);
    }

    @Test
    void theDatabaseRefusesToUpdateDeleteOrTruncateAuditEntries() {
        String target = "user:" + UUID.randomUUID();
        trail.record(new AuditEvent(null, "test.append_only", target, Map.of("n", 1)),
                new RequestFacts("req-append-only", "203.0.113.7", null)).block();

        assertThatThrownBy(() -> database.sql("update audit_log set action = 'test.rewritten' where target = :t")
                .bind("t", target).then().block()).hasMessageContaining("audit_log is append-only: UPDATE refused");
        assertThatThrownBy(() -> database.sql("delete from audit_log where target = :t").bind("t", target).then().block())
                .hasMessageContaining("audit_log is append-only: DELETE refused");
        assertThatThrownBy(() -> database.sql("truncate audit_log").then().block())
                .hasMessageContaining("audit_log is append-only: TRUNCATE refused");

        assertThat(database.sql("select action from audit_log where target = :t").bind("t", target)
                .map(row -> row.get(0, String.class)).all().collectList().block()).containsExactly("test.append_only");
    }

    @Test
    void adminPagesThroughAFilteredLogNewestFirstWithActorsAsUsers() {
        String actorEmail = AccountsClient.uniqueEmail();
        UUID actor = UUID.fromString(accounts.registerId(actorEmail));
        String target = "wallet:" + UUID.randomUUID();
        for (int i = 1; i <= 3; i++) {
            trail.record(new AuditEvent(actor, "test.paging.step", target, Map.of("step", i)),
                    new RequestFacts("req-" + i, "198.51.100." + i, "JUnit")).block();
        }
        trail.record(new AuditEvent(null, "test.paging.system", target, Map.of()),
                new RequestFacts("req-system", null, null)).block();
        GraphQlTester admin = accounts.graphQl(adminToken());

        GraphQlTester.Response first = admin.documentName("auditLog")
                .variable("filter", Map.of("target", target, "action", "test.paging.step")).variable("first", 2)
                .execute();
        first.errors().verify();
        List<Map<String, Object>> nodes = first.path("auditLog.nodes").entityList(mapType()).get();
        assertThat(nodes).extracting(node -> node.get("requestId")).containsExactly("req-3", "req-2");
        assertThat(nodes.get(0)).containsEntry("action", "test.paging.step").containsEntry("target", target)
                .containsEntry("ip", "198.51.100.3").containsEntry("source", "accounts")
                .containsEntry("details", "{\"step\": 3}")
                .containsEntry("actor", Map.of("id", actor.toString(), "displayName", "Test User", "email", actorEmail));
        first.path("auditLog.hasNextPage").entity(Boolean.class).isEqualTo(true);
        String cursor = first.path("auditLog.endCursor").entity(String.class).get();

        GraphQlTester.Response second = admin.documentName("auditLog")
                .variable("filter", Map.of("target", target, "action", "test.paging.step")).variable("first", 2)
                .variable("after", cursor).execute();
        assertThat(second.path("auditLog.nodes").entityList(mapType()).get())
                .extracting(node -> node.get("requestId")).containsExactly("req-1");
        second.path("auditLog.hasNextPage").entity(Boolean.class).isEqualTo(false);

        // A prefix ending in '.' matches every action under it; a system entry has no actor.
        List<Map<String, Object>> all = admin.documentName("auditLog")
                .variable("filter", Map.of("target", target, "action", "test.paging.")).execute()
                .path("auditLog.nodes").entityList(mapType()).get();
        assertThat(all).extracting(node -> node.get("action"))
                .containsExactly("test.paging.system", "test.paging.step", "test.paging.step", "test.paging.step");
        assertThat(all.get(0).get("actor")).isNull();
        assertThat(admin.documentName("auditLog").variable("filter", Map.of("actorId", actor.toString())).execute()
                .path("auditLog.nodes").entityList(mapType()).get()).hasSize(3);
        // '_' and '%' in a prefix are literal, not LIKE wildcards.
        assertThat(admin.documentName("auditLog").variable("filter", Map.of("target", target, "action", "test%."))
                .execute().path("auditLog.nodes").entityList(mapType()).get()).isEmpty();
    }

    @Test
    void customersAreForbiddenAndAnonymousCallersUnauthenticated() {
        String customer = accounts.register(AccountsClient.uniqueEmail());

        accounts.graphQl(customer).documentName("auditLog").execute().errors()
                .expect(error -> "FORBIDDEN".equals(error.getExtensions().get("code"))).verify();
        accounts.graphQl().documentName("auditLog").execute().errors()
                .expect(error -> "UNAUTHENTICATED".equals(error.getExtensions().get("code"))).verify();
    }

    @Test
    void malformedCursorsPageSizesAndActorIdsAreBadRequests() {
        GraphQlTester admin = accounts.graphQl(adminToken());

        expectBadRequest(admin.documentName("auditLog").variable("after", "not-a-cursor").execute());
        expectBadRequest(admin.documentName("auditLog").variable("after", java.util.Base64.getUrlEncoder()
                .encodeToString("audit:abc".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .execute());
        expectBadRequest(admin.documentName("auditLog").variable("first", 0).execute());
        expectBadRequest(admin.documentName("auditLog").variable("first", AuditLogController.MAX_PAGE + 1).execute());
        expectBadRequest(admin.documentName("auditLog").variable("filter", Map.of("actorId", "nobody")).execute());
    }

    private static void expectBadRequest(GraphQlTester.Response response) {
        response.errors().expect(error -> "BAD_REQUEST".equals(error.getExtensions().get("code"))).verify();
    }

    /** A fresh user made ADMIN in the database, signed in again so the token carries the role. */
    private String adminToken() {
        String email = AccountsClient.uniqueEmail();
        accounts.register(email);
        database.sql("update users set roles = array['CUSTOMER', 'ADMIN'] where email = :email").bind("email", email)
                .then().block();
        return accounts.login(email);
    }

    @SuppressWarnings("unchecked")
    private static Class<Map<String, Object>> mapType() {
        return (Class<Map<String, Object>>) (Class<?>) Map.class;
    }
}
