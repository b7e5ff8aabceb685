package com.ventusvault.accounts.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ventusvault.accounts.AccountsClient;
import com.ventusvault.accounts.AccountsIntegrationTest;
import com.ventusvault.accounts.SentNotifications;
import com.ventusvault.accounts.domain.UserId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;

/** Per-user notification preferences: defaults, changes, what Notifier then queues, and who may see them. */
@AccountsIntegrationTest
class NotificationPreferencesIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    DatabaseClient database;

    @Autowired
    Notifier notifier;

    AccountsClient accounts;
    SentNotifications sent;

    @BeforeEach
    void connect() {
        accounts = new AccountsClient(port);
        sent = new SentNotifications(database);
    }

    @Test
    void everyKindIsOnByDefaultOnBothChannelsAndOnlyMoneyNoticesAreOptional() {
        String token = accounts.register(AccountsClient.uniqueEmail());

        List<Map<String, Object>> table = accounts.graphQl(token).documentName("notificationPreferences").execute()
                .path("me.notificationPreferences").entityList(mapType()).get();

        assertThat(table).hasSize(NotificationKind.values().length * 2).allSatisfy(p -> assertThat(p.get("enabled")).isEqualTo(true));
        assertThat(table).filteredOn(p -> Boolean.TRUE.equals(p.get("optional")))
                .extracting(p -> p.get("kind")).containsOnly("MONEY_RECEIVED", "PAYOUT_COMPLETED").hasSize(4);
    }

    @Test
    void aTurnedOffChannelIsNotUsedForThatKindButTheOthersStillAre() {
        String email = AccountsClient.uniqueEmail();
        String token = accounts.register(email);
        UUID id = userWithPhone(token);

        List<Map<String, Object>> saved = update(token, List.of(change("MONEY_RECEIVED", "SMS", false)))
                .path("updateNotificationPreferences.userErrors").entityList(Object.class).hasSize(0)
                .path("updateNotificationPreferences.preferences").entityList(mapType()).get();
        assertThat(saved).contains(Map.of("kind", "MONEY_RECEIVED", "channel", "SMS", "enabled", false, "optional", true));

        notify(id, NotificationKind.MONEY_RECEIVED);
        notify(id, NotificationKind.PAYOUT_COMPLETED);

        assertThat(notified(id)).extracting(s -> s.kind() + "/" + s.channel()).containsExactlyInAnyOrder(
                "MONEY_RECEIVED/EMAIL", "PAYOUT_COMPLETED/EMAIL", "PAYOUT_COMPLETED/SMS");
    }

    @Test
    void turningAChannelBackOnDeliversOnItAgain() {
        String token = accounts.register(AccountsClient.uniqueEmail());
        UUID id = userWithPhone(token);
        update(token, List.of(change("PAYOUT_COMPLETED", "EMAIL", false), change("PAYOUT_COMPLETED", "SMS", false)));
        notify(id, NotificationKind.PAYOUT_COMPLETED);
        assertThat(notified(id)).isEmpty();

        update(token, List.of(change("PAYOUT_COMPLETED", "EMAIL", true)));
        notify(id, NotificationKind.PAYOUT_COMPLETED);

        assertThat(notified(id)).extracting(s -> s.kind() + "/" + s.channel())
                .containsExactly("PAYOUT_COMPLETED/EMAIL");
    }

    @Test
    void securityNoticesCannotBeTurnedOffAndARefusedUpdateSavesNothing() {
        String token = accounts.register(AccountsClient.uniqueEmail());
        UUID id = userWithPhone(token);

        List<Map<String, Object>> errors = update(token, List.of(change("MONEY_RECEIVED", "EMAIL", false),
                change("SECURITY_ALERT", "SMS", false), change("TWO_FACTOR_CODE", "SMS", false)))
                .path("updateNotificationPreferences.preferences").valueIsNull()
                .path("updateNotificationPreferences.userErrors").entityList(mapType()).get();

        assertThat(errors).extracting(e -> e.get("code")).containsOnly("NOTIFICATION_NOT_OPTIONAL").hasSize(2);
        assertThat(errors).extracting(e -> e.get("field"))
                .containsExactly(List.of("input", "1", "enabled"), List.of("input", "2", "enabled"));
        notify(id, NotificationKind.MONEY_RECEIVED);
        notify(id, NotificationKind.SECURITY_ALERT);
        assertThat(notified(id)).extracting(s -> s.kind() + "/" + s.channel()).containsExactlyInAnyOrder(
                "MONEY_RECEIVED/EMAIL", "MONEY_RECEIVED/SMS", "SECURITY_ALERT/EMAIL", "SECURITY_ALERT/SMS");
    }

    @Test
    void theDatabaseRefusesToStoreAPreferenceForASecurityNotice() {
        String token = accounts.register(AccountsClient.uniqueEmail());
        UUID id = userWithPhone(token);

        assertThatThrownBy(() -> database.sql("insert into notification_preference (user_id, kind, channel, enabled) "
                        + "values (:user, 'NEW_DEVICE_LOGIN', 'EMAIL', false)")
                .bind("user", id).fetch().rowsUpdated().block(Duration.ofSeconds(10)))
                .hasMessageContaining("notification_preference_optional_kind");
    }

    @Test
    void preferencesAreVisibleOnlyToTheUserThemselvesNotToOtherUsersOrStaff() {
        String owner = accounts.register(AccountsClient.uniqueEmail());
        String ownerId = accounts.graphQl(owner).documentName("me").execute().path("me.id").entity(String.class).get();
        String otherEmail = AccountsClient.uniqueEmail();
        accounts.register(otherEmail);
        String staffEmail = AccountsClient.uniqueEmail();
        accounts.register(staffEmail);
        database.sql("update users set roles = array['CUSTOMER','SUPPORT','ADMIN'] where email = :email")
                .bind("email", staffEmail).fetch().rowsUpdated().block(Duration.ofSeconds(10));
        var representations = List.of(Map.of("__typename", "User", "id", ownerId));

        for (String reader : List.of(accounts.login(otherEmail), accounts.login(staffEmail))) {
            accounts.graphQl(reader).documentName("userNotificationPreferences")
                    .variable("representations", representations).execute()
                    .path("_entities[0].id").entity(String.class).isEqualTo(ownerId)
                    .path("_entities[0].notificationPreferences").valueIsNull();
        }
        accounts.graphQl(owner).documentName("userNotificationPreferences")
                .variable("representations", representations).execute()
                .path("_entities[0].notificationPreferences").entityList(Object.class).hasSize(14);
    }

    @Test
    void changingPreferencesNeedsASignedInUser() {
        accounts.graphQl().documentName("updateNotificationPreferences")
                .variable("input", List.of(change("MONEY_RECEIVED", "SMS", false))).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "UNAUTHENTICATED")));
    }

    private org.springframework.graphql.test.tester.GraphQlTester.Response update(String token,
                                                                                List<Map<String, Object>> input) {
        return accounts.graphQl(token).documentName("updateNotificationPreferences").variable("input", input).execute();
    }

    private static Map<String, Object> change(String kind, String channel, boolean enabled) {
        return Map.of("kind", kind, "channel", channel, "enabled", enabled);
    }

    private void notify(UUID id, NotificationKind kind) {
        notifier.notify(new UserId(id), kind, new Message("Subject " + kind, "Text " + kind)).block(Duration.ofSeconds(10));
    }

    /** The signed-in user's id, after giving them a phone number so both channels apply. */
    /** What the test's own notify calls queued: registration's EMAIL_VERIFICATION mail is left out. */
    private List<SentNotifications.Sent> notified(UUID id) {
        return sent.forUser(id).stream().filter(s -> !s.kind().equals("EMAIL_VERIFICATION")).toList();
    }

    private UUID userWithPhone(String token) {
        UUID id = UUID.fromString(accounts.graphQl(token).documentName("me").execute().path("me.id")
                .entity(String.class).get());
        database.sql("update users set phone = '+2348012345678' where id = :id").bind("id", id)
                .fetch().rowsUpdated().block(Duration.ofSeconds(10));
        return id;
    }

    @SuppressWarnings("unchecked")
    private static Class<Map<String, Object>> mapType() {
        return (Class<Map<String, Object>>) (Class<?>) Map.class;
    }
}
