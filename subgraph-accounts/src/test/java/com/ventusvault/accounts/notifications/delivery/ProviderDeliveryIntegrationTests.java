package com.ventusvault.accounts.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ventusvault.accounts.AccountsApplication;
import com.ventusvault.accounts.AccountsClient;
import com.ventusvault.accounts.domain.UserId;
import com.ventusvault.accounts.notifications.DeliveryTrigger;
import com.ventusvault.accounts.notifications.Message;
import com.ventusvault.accounts.notifications.NotificationChannel;
import com.ventusvault.accounts.notifications.NotificationKind;
import com.ventusvault.accounts.notifications.Notifier;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Delivery through Twilio (SMS) and SendGrid (email), played by the provider simulator over real HTTP. This app has
 * its own schema (so the shared test app's local-sink worker never takes its rows) and polls only every 10 minutes:
 * a notification that goes out at once was sent because its commit woke the worker. Retries are due 50 ms after a
 * failure; the tests stand in for the poll by waking the worker while they wait.
 */
@SpringBootTest(classes = AccountsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=accounts", "ventus.accounts.tokens.allow-generated-key=true",
        "ventus.database.schema=accounts_delivery",
        "ventus.accounts.notifications.worker.poll-interval=10m",
        "ventus.accounts.notifications.worker.max-attempts=3",
        "ventus.accounts.notifications.worker.first-retry=50ms",
        "ventus.accounts.notifications.worker.max-retry=100ms",
        "ventus.accounts.notifications.worker.timeout=2s",
        "ventus.accounts.notifications.worker.lease=5s",
        "ventus.accounts.notifications.sms.provider=TWILIO",
        "ventus.accounts.notifications.sms.twilio.account-sid=" + MessagingSimulator.ACCOUNT_SID,
        "ventus.accounts.notifications.sms.twilio.auth-token=" + MessagingSimulator.AUTH_TOKEN,
        "ventus.accounts.notifications.sms.twilio.from=+15005550006",
        "ventus.accounts.notifications.email.provider=SENDGRID",
        "ventus.accounts.notifications.email.sendgrid.api-key=" + MessagingSimulator.API_KEY,
        "ventus.accounts.notifications.email.sendgrid.from=alerts@ventusvault.test"})
class ProviderDeliveryIntegrationTests {

    private static final MessagingSimulator SIMULATOR = MessagingSimulator.get();

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        registry.add("ventus.accounts.notifications.sms.twilio.base-url", SIMULATOR::twilioUrl);
        registry.add("ventus.accounts.notifications.email.sendgrid.base-url", SIMULATOR::sendGridUrl);
    }

    /** One row of {@code notification}, as the tests check it. */
    record Row(String status, int attempts, String providerMessageId, String lastError, boolean sentAtSet) {
    }

    @LocalServerPort
    int port;

    @Autowired
    DatabaseClient database;

    @Autowired
    Notifier notifier;

    @Autowired
    DeliveryTrigger trigger;

    @Autowired
    TransactionalOperator transactions;

    @Autowired
    DeliveryWorker worker;

    @Autowired
    DeliveryQueue queue;

    AccountsClient accounts;

    @BeforeEach
    void connect() {
        accounts = new AccountsClient(port);
    }

    @AfterEach
    void resetFaults() {
        SIMULATOR.resetFaults();
    }

    @Test
    void anSmsGoesThroughTwilioRightAfterCommitAndKeepsTwilioMessageSid() {
        String phone = uniquePhone();
        UUID user = userWithPhone(phone);

        notifier.notify(new UserId(user), NotificationKind.TWO_FACTOR_CODE, new Message("Login code", "Your code is 123456"),
                Set.of(NotificationChannel.SMS)).as(transactions::transactional).block(Duration.ofSeconds(10));

        Row row = awaitStatus(user, NotificationKind.TWO_FACTOR_CODE, "SMS", "SENT", false);
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.providerMessageId()).matches("SM[0-9a-f]{32}");
        assertThat(row.sentAtSet()).isTrue();
        assertThat(SIMULATOR.messagesTo(phone, "Your code is 123456")).singleElement().satisfies(m -> assertThat(m)
                .containsEntry("provider", "TWILIO").containsEntry("id", row.providerMessageId())
                .containsEntry("from", "+15005550006").containsEntry("body", "Your code is 123456"));
    }

    @Test
    void anEmailGoesThroughSendGridWithSubjectAndSenderAndKeepsItsMessageId() {
        String email = AccountsClient.uniqueEmail();
        UUID user = UUID.fromString(accounts.registerId(email));

        notifier.notify(new UserId(user), NotificationKind.MONEY_RECEIVED, new Message("You got money", "NGN 5,000.00 from Ada"),
                Set.of(NotificationChannel.EMAIL)).block(Duration.ofSeconds(10));

        Row row = awaitStatus(user, NotificationKind.MONEY_RECEIVED, "EMAIL", "SENT", false);
        assertThat(row.providerMessageId()).isNotBlank();
        assertThat(SIMULATOR.messagesTo(email, "NGN 5,000.00 from Ada")).singleElement().satisfies(m -> assertThat(m)
                .containsEntry("provider", "SENDGRID").containsEntry("id", row.providerMessageId())
                .containsEntry("from", "alerts@ventusvault.test").containsEntry("subject", "You got money")
                .containsEntry("body", "NGN 5,000.00 from Ada"));
    }

    @Test
    void aNotificationQueuedInARolledBackTransactionIsNeverSent() {
        String phone = uniquePhone();
        UUID user = userWithPhone(phone);

        Mono<Void> rolledBack = notifier.notify(new UserId(user), NotificationKind.SECURITY_ALERT,
                        new Message("Alert", "Something happened"))
                .then(Mono.<Void>error(new IllegalStateException("the action failed")))
                .as(transactions::transactional);
        assertThat(rolledBack.onErrorResume(IllegalStateException.class, e -> Mono.empty())
                .then(Mono.just("done")).block(Duration.ofSeconds(10))).isEqualTo("done");
        trigger.pull();

        assertThat(rows(user, NotificationKind.SECURITY_ALERT)).isEmpty();
        assertThat(SIMULATOR.messagesTo(phone, "Something happened")).isEmpty();
    }

    @Test
    void aFailingProviderIsRetriedWithBackoffUntilItAnswers() {
        String phone = uniquePhone();
        UUID user = userWithPhone(phone);
        SIMULATOR.fault(Map.of("provider", "TWILIO", "operation", "SMS", "status", 503, "times", 2));

        sms(user, "Your code is 654321");

        Row row = awaitStatus(user, NotificationKind.TWO_FACTOR_CODE, "SMS", "SENT", true);
        assertThat(row.attempts()).isEqualTo(3);
        assertThat(row.lastError()).isNull();
        assertThat(SIMULATOR.messagesTo(phone, "Your code is 654321")).hasSize(1);
    }

    @Test
    void deliveriesThatKeepFailingAreRetriedThenMarkedFailedWithTheLastError() {
        String phone = uniquePhone();
        UUID user = userWithPhone(phone);
        SIMULATOR.fault(Map.of("provider", "TWILIO", "operation", "SMS", "status", 503));

        sms(user, "Your code is 111111");

        Row row = awaitStatus(user, NotificationKind.TWO_FACTOR_CODE, "SMS", "FAILED", true);
        assertThat(row.attempts()).isEqualTo(3);
        assertThat(row.lastError()).contains("Twilio answered HTTP 503");
        assertThat(row.providerMessageId()).isNull();
        assertThat(row.sentAtSet()).isFalse();
        assertThat(SIMULATOR.messagesTo(phone, "Your code is 111111")).isEmpty();
    }

    @Test
    void rateLimitedAndDroppedConnectionsAreRetriedToo() {
        String email = AccountsClient.uniqueEmail();
        UUID user = UUID.fromString(accounts.registerId(email));
        SIMULATOR.fault(Map.of("provider", "SENDGRID", "operation", "EMAIL", "status", 429, "times", 1));
        SIMULATOR.fault(Map.of("provider", "SENDGRID", "operation", "EMAIL", "drop", true, "times", 1));

        notifier.notify(new UserId(user), NotificationKind.PAYOUT_COMPLETED, new Message("Payout", "Paid out"),
                Set.of(NotificationChannel.EMAIL)).block(Duration.ofSeconds(10));

        Row row = awaitStatus(user, NotificationKind.PAYOUT_COMPLETED, "EMAIL", "SENT", true);
        assertThat(row.attempts()).isEqualTo(3);
        assertThat(SIMULATOR.messagesTo(email, "Paid out")).hasSize(1);
    }

    @Test
    void aMessageTheProviderRefusesIsFailedAtOnceWithoutRetrying() {
        UUID user = userWithPhone("+15005550001");

        sms(user, "Your code is 222222");

        Row row = awaitStatus(user, NotificationKind.TWO_FACTOR_CODE, "SMS", "FAILED", true);
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.lastError()).contains("HTTP 400").contains("21211");
    }

    @Test
    void wrongTwilioCredentialsAreRefusedAndNeverRetried() {
        var wrong = new NotificationProperties.Twilio(java.net.URI.create(SIMULATOR.twilioUrl()),
                MessagingSimulator.ACCOUNT_SID, "not-the-token", "+15005550006");
        var courier = new TwilioSms(org.springframework.web.reactive.function.client.WebClient.builder(), wrong);

        DeliveryResult result = courier.deliver(new Outgoing(UUID.randomUUID(), NotificationChannel.SMS, uniquePhone(),
                null, "hello", 1)).block(Duration.ofSeconds(10));

        assertThat(result).isInstanceOfSatisfying(DeliveryResult.Failed.class, failed -> {
            assertThat(failed.permanent()).isTrue();
            assertThat(failed.reason()).contains("HTTP 401").contains("20003").doesNotContain("not-the-token");
        });
    }

    @Test
    void workersRacingForTheSameRowsDeliverEachOnlyOnce() {
        String phone = uniquePhone();
        UUID user = userWithPhone(phone);
        Flux.range(1, 30).concatMap(i -> notifier.notify(new UserId(user), NotificationKind.TWO_FACTOR_CODE,
                new Message("Code", "race " + i), Set.of(NotificationChannel.SMS))).blockLast(Duration.ofSeconds(20));

        Mono.when(worker.drain(), worker.drain(), worker.drain()).block(Duration.ofSeconds(30));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            trigger.pull();
            assertThat(rows(user, NotificationKind.TWO_FACTOR_CODE)).hasSize(30)
                    .allSatisfy(row -> assertThat(row.getValue().status()).isEqualTo("SENT"));
        });
        assertThat(rows(user, NotificationKind.TWO_FACTOR_CODE)).allSatisfy(row ->
                assertThat(row.getValue().attempts()).isEqualTo(1));
        for (int i = 1; i <= 30; i++) {
            assertThat(SIMULATOR.messagesTo(phone, "race " + i)).as("race " + i).hasSize(1);
        }
    }

    @Test
    void aRowClaimedByAWorkerThatDiedIsDeliveredWhenItsLeaseEndsAndTheDeadWorkersLateAnswerChangesNothing() {
        String phone = uniquePhone();
        UUID user = userWithPhone(phone);
        UUID id = UUID.randomUUID();
        database.sql("insert into notification (id, user_id, kind, channel, recipient, subject, body, next_attempt_at) "
                        + "values (:id, :user, 'TWO_FACTOR_CODE', 'SMS', :phone, 'Code', 'orphaned', now() + interval '1 hour')")
                .bind("id", id).bind("user", user).bind("phone", phone).fetch().rowsUpdated().block(Duration.ofSeconds(10));
        Instant now = Instant.now();
        Outgoing claimedByTheDeadWorker = queue.claim(now.plus(Duration.ofHours(2)), now.plusMillis(300), 100)
                .filter(o -> o.id().equals(id)).blockFirst(Duration.ofSeconds(10));
        assertThat(claimedByTheDeadWorker.attempts()).isEqualTo(1);

        Row row = awaitStatus(user, NotificationKind.TWO_FACTOR_CODE, "SMS", "SENT", true);

        assertThat(row.attempts()).isEqualTo(2);
        assertThat(queue.sent(claimedByTheDeadWorker, "SM-late", Instant.now()).block(Duration.ofSeconds(10))).isZero();
        assertThat(queue.failed(claimedByTheDeadWorker, "late failure").block(Duration.ofSeconds(10))).isZero();
        assertThat(rows(user, NotificationKind.TWO_FACTOR_CODE)).singleElement().satisfies(r ->
                assertThat(r.getValue()).isEqualTo(row));
        assertThat(SIMULATOR.messagesTo(phone, "orphaned")).hasSize(1);
    }

    private void sms(UUID user, String text) {
        notifier.notify(new UserId(user), NotificationKind.TWO_FACTOR_CODE, new Message("Code", text),
                Set.of(NotificationChannel.SMS)).block(Duration.ofSeconds(10));
    }

    /** Waits for the row to reach the status; with {@code poll}, wakes the worker meanwhile, as its poll would. */
    private Row awaitStatus(UUID user, NotificationKind kind, String channel, String status, boolean poll) {
        return await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() -> {
            if (poll) {
                trigger.pull();
            }
            return rows(user, kind).stream().filter(r -> r.getKey().equals(channel)).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
        }, row -> row != null && row.status().equals(status));
    }

    private List<Map.Entry<String, Row>> rows(UUID user, NotificationKind kind) {
        return database.sql("select channel, status, attempts, provider_message_id, last_error, sent_at "
                        + "from notification where user_id = :user and kind = :kind")
                .bind("user", user)
                .bind("kind", kind.name())
                .map(r -> Map.entry(r.get("channel", String.class), new Row(r.get("status", String.class),
                        r.get("attempts", Integer.class), r.get("provider_message_id", String.class),
                        r.get("last_error", String.class), r.get("sent_at") != null)))
                .all().collectList().block(Duration.ofSeconds(10));
    }

    private UUID userWithPhone(String phone) {
        UUID id = UUID.fromString(accounts.registerId(AccountsClient.uniqueEmail()));
        database.sql("update users set phone = :phone where id = :id").bind("phone", phone).bind("id", id)
                .fetch().rowsUpdated().block(Duration.ofSeconds(10));
        return id;
    }

    private static String uniquePhone() {
        return "+234" + (8_000_000_000L + (long) (Math.random() * 999_999_999L));
    }
}
