package com.ventusvault.accounts.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ventusvault.accounts.AccountsClient;
import com.ventusvault.accounts.AccountsIntegrationTest;
import com.ventusvault.accounts.SentNotifications;
import com.ventusvault.accounts.domain.UserId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The local sink (the default courier) and the staff-only {@code notifications} query: what staff read, and that
 * customers and anonymous callers cannot read it even when they call accounts directly.
 */
@AccountsIntegrationTest
class NotificationSinkIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    DatabaseClient database;

    @Autowired
    Notifier notifier;

    AccountsClient accounts;

    @BeforeEach
    void connect() {
        accounts = new AccountsClient(port);
    }

    @Test
    void theLocalSinkMarksQueuedNotificationsSentAfterCommitWithoutAProviderId() {
        String email = AccountsClient.uniqueEmail();
        UUID id = UUID.fromString(accounts.registerId(email));

        notify(id, NotificationKind.SECURITY_ALERT, "Your account was locked");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(new SentNotifications(database)
                .latest(id, "SECURITY_ALERT", "EMAIL").status()).isEqualTo("SENT"));
        Map<String, Object> node = staffRead(id, 5).path("notifications.nodes[0]").entity(mapType()).get();
        assertThat(node).containsEntry("kind", "SECURITY_ALERT").containsEntry("channel", "EMAIL")
                .containsEntry("recipient", email).containsEntry("body", "Your account was locked")
                .containsEntry("status", "SENT").containsEntry("attempts", 1).containsEntry("providerMessageId", null)
                .containsEntry("lastError", null).containsEntry("user", Map.of("id", id.toString()));
        assertThat(node.get("sentAt")).isNotNull();
    }

    @Test
    void staffPageThroughOneUsersNotificationsNewestFirst() {
        UUID id = UUID.fromString(accounts.registerId(AccountsClient.uniqueEmail()));
        for (int i = 1; i <= 5; i++) {
            notify(id, NotificationKind.MONEY_RECEIVED, "payment " + i);
        }

        List<String> bodies = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            GraphQlTester.Response page = staffTester().documentName("notifications")
                    .variable("userId", id.toString()).variable("first", 2).variable("after", after).execute();
            page.path("notifications.nodes[*].body").entityList(String.class).get().forEach(bodies::add);
            boolean more = page.path("notifications.hasNextPage").entity(Boolean.class).get();
            after = more ? page.path("notifications.endCursor").entity(String.class).get() : null;
            pages++;
        } while (after != null);

        // Six in all: the five payments, then (oldest) the verification email registration sent.
        assertThat(pages).isEqualTo(3);
        assertThat(bodies).hasSize(6).startsWith("payment 5", "payment 4", "payment 3", "payment 2", "payment 1");
        assertThat(bodies.get(5)).contains("Confirm that this is your email address");
    }

    @Test
    void aCustomerCannotReadTheSinkNotEvenTheirOwnNotifications() {
        String email = AccountsClient.uniqueEmail();
        String token = accounts.register(email);
        UUID id = UUID.fromString(accounts.graphQl(token).documentName("me").execute().path("me.id")
                .entity(String.class).get());
        notify(id, NotificationKind.PASSWORD_RESET, "reset token: secret");

        for (String userId : new String[] {null, id.toString()}) {
            accounts.graphQl(token).documentName("notifications").variable("userId", userId).execute()
                    .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e ->
                            assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")))
                    .path("notifications").pathDoesNotExist();
        }
    }

    @Test
    void anAnonymousCallerCannotReadTheSink() {
        accounts.graphQl().documentName("notifications").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e ->
                        assertThat(e.getExtensions()).containsEntry("code", "UNAUTHENTICATED")))
                .path("notifications").pathDoesNotExist();
    }

    @Test
    void malformedPagingArgumentsAreBadRequests() {
        GraphQlTester staff = staffTester();
        for (Map<String, Object> variables : List.<Map<String, Object>>of(Map.of("first", 0), Map.of("first", 101),
                Map.of("after", "not-a-cursor"), Map.of("userId", "not-a-uuid"))) {
            var request = staff.documentName("notifications");
            variables.forEach(request::variable);
            request.execute().errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e ->
                    assertThat(e.getExtensions()).containsEntry("code", "BAD_REQUEST")));
        }
    }

    private GraphQlTester.Response staffRead(UUID userId, int first) {
        return staffTester().documentName("notifications").variable("userId", userId.toString())
                .variable("first", first).execute();
    }

    private GraphQlTester staffTester() {
        String email = AccountsClient.uniqueEmail();
        accounts.register(email);
        database.sql("update users set roles = array['CUSTOMER','SUPPORT'] where email = :email")
                .bind("email", email).fetch().rowsUpdated().block(Duration.ofSeconds(10));
        return accounts.graphQl(accounts.login(email));
    }

    private void notify(UUID id, NotificationKind kind, String text) {
        notifier.notify(new UserId(id), kind, new Message("VentusVault", text), java.util.Set.of(NotificationChannel.EMAIL))
                .block(Duration.ofSeconds(10));
    }

    @SuppressWarnings("unchecked")
    private static Class<Map<String, Object>> mapType() {
        return (Class<Map<String, Object>>) (Class<?>) Map.class;
    }
}
