package com.ventusvault.accounts.paymentevents;

import static org.assertj.core.api.Assertions.assertThat;

import com.ventusvault.accounts.AccountsClient;
import com.ventusvault.accounts.AccountsIntegrationTest;
import com.ventusvault.accounts.SentNotifications;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Accounts follows payments' outbox: audit events are copied once, receipts and paid payouts notify the user, and an
 * event whose transaction commits after a later one is still handled.
 */
@AccountsIntegrationTest
class PaymentEventsConsumerIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    DatabaseClient database;

    @Autowired
    ConnectionFactory connections;

    @Autowired
    PaymentEventsConsumer consumer;

    AccountsClient accounts;
    PaymentsOutbox outbox;
    SentNotifications sent;

    @BeforeEach
    void connect() {
        accounts = new AccountsClient(port);
        outbox = new PaymentsOutbox(database);
        sent = new SentNotifications(database);
    }

    @Test
    void auditRecordedIsCopiedIntoTheAuditLogExactlyOnceWithSourcePayments() {
        UUID actor = UUID.fromString(accounts.registerId(AccountsClient.uniqueEmail()));
        String transfer = "transfer:" + UUID.randomUUID();
        long id = outbox.append("AuditRecorded", transfer, """
                {"actorId": "%s", "action": "payments.transfer.sent", "target": "%s", "requestId": "req-77",
                 "ip": "203.0.113.9", "at": "2026-01-02T03:04:05.123456Z",
                 "details": {"amount": "10.00", "currency": "USD"}}""".formatted(actor, transfer));

        Map<String, Object> copied = eventually(() -> copiesOf(id), rows -> rows.size() == 1).get(0);
        // Draining again, and several drains at once, copy nothing more.
        Flux.range(0, 4).flatMap(i -> consumer.drain()).then().block(Duration.ofSeconds(20));

        assertThat(copiesOf(id)).hasSize(1);
        assertThat(copied).containsEntry("actor_id", actor).containsEntry("action", "payments.transfer.sent")
                .containsEntry("target", transfer).containsEntry("request_id", "req-77")
                .containsEntry("ip", "203.0.113.9").containsEntry("source", "payments")
                .containsEntry("details", "{\"amount\": \"10.00\", \"currency\": \"USD\"}")
                .containsEntry("at", "2026-01-02T03:04:05.123456Z");
        assertThat(offset()).isGreaterThanOrEqualTo(id);
    }

    @Test
    void aCompletedPaymentNotifiesThePayeeWithTheSenderAndAPaidPayoutItsOwner() {
        UUID payer = UUID.fromString(accounts.registerId(AccountsClient.uniqueEmail()));
        UUID payee = UUID.fromString(accounts.registerId(AccountsClient.uniqueEmail()));
        outbox.append("TransferStatusChanged", UUID.randomUUID().toString(),
                statusChange("P2P", "BALANCE_RESERVED", payer, payee, "1.000000000000000000"));
        outbox.append("WalletBalanceChanged", UUID.randomUUID().toString(), "{\"ownerId\": \"" + payee + "\"}");
        outbox.append("TransferStatusChanged", UUID.randomUUID().toString(),
                statusChange("P2P", "COMPLETED", payer, payee, "10.500000000000000000"));
        outbox.append("TransferStatusChanged", UUID.randomUUID().toString(),
                statusChange("PAYOUT", "COMPLETED", payer, null, "2500.000000000000000000"));

        SentNotifications.Sent received = eventually(() -> paymentNotices(payee), List::isEmpty, false).stream()
                .filter(n -> n.channel().equals("EMAIL")).findFirst().orElseThrow();
        SentNotifications.Sent paid = eventually(() -> paymentNotices(payer), rows -> rows.stream()
                .anyMatch(n -> n.kind().equals("PAYOUT_COMPLETED"))).stream()
                .filter(n -> n.kind().equals("PAYOUT_COMPLETED")).findFirst().orElseThrow();
        consumer.drain().block(Duration.ofSeconds(20));

        assertThat(received.kind()).isEqualTo("MONEY_RECEIVED");
        assertThat(received.subject()).isEqualTo("You received 10.50 USD");
        assertThat(received.body()).contains("10.50 USD from Test User");
        assertThat(paid.body()).contains("2500.00 NGN");
        // Only the COMPLETED payment notified, once; the payer got only the payout notice.
        assertThat(paymentNotices(payee)).hasSize(1);
        assertThat(paymentNotices(payer)).extracting(SentNotifications.Sent::kind).containsExactly("PAYOUT_COMPLETED");
    }

    @Test
    void aReleasedEscrowNotifiesThePayee() {
        UUID payee = UUID.fromString(accounts.registerId(AccountsClient.uniqueEmail()));
        String escrow = "escrow:" + UUID.randomUUID();
        long id = outbox.append("AuditRecorded", escrow, """
                {"actorId": null, "action": "payments.escrow.released", "target": "%s",
                 "details": {"amount": "40.000000000000000000", "currency": "EUR", "toOwnerId": "%s"}}"""
                .formatted(escrow, payee));

        List<SentNotifications.Sent> notices = eventually(() -> paymentNotices(payee), List::isEmpty, false);

        assertThat(notices).extracting(SentNotifications.Sent::kind).containsOnly("MONEY_RECEIVED");
        assertThat(notices.get(0).subject()).isEqualTo("You received 40.00 EUR");
        assertThat(copiesOf(id)).hasSize(1).first().satisfies(row -> assertThat(row.get("actor_id")).isNull());
    }

    @Test
    void anUnreadableEventIsRecordedAsSuchAndDoesNotHoldUpTheNextOnes() {
        String target = "transfer:" + UUID.randomUUID();
        long broken = outbox.append("AuditRecorded", target, "{\"target\": \"" + target + "\", \"action\": 42}");
        long fine = outbox.append("AuditRecorded", target, audit("test.after_unreadable", target));

        eventually(() -> copiesOf(fine), rows -> rows.size() == 1);

        assertThat(copiesOf(broken)).singleElement().satisfies(row -> {
            assertThat(row.get("action")).isEqualTo(PaymentEventHandler.UNREADABLE);
            assertThat(row.get("target")).isEqualTo("payments-event:" + broken);
            assertThat(String.valueOf(row.get("details"))).contains("no action").contains("AuditRecorded");
        });
    }

    @Test
    void anEventCommittedAfterALaterOneIsWaitedForNotSkipped() throws Exception {
        String target = "transfer:" + UUID.randomUUID();
        Connection slow = Mono.from(connections.create()).block(Duration.ofSeconds(10));
        try {
            Mono.from(slow.beginTransaction()).block(Duration.ofSeconds(10));
            Long early = Flux.from(slow.createStatement("insert into payments.outbox_event (aggregate_type, "
                                    + "aggregate_id, event_type, payload) values ('Test', $1, 'AuditRecorded', "
                                    + "cast($2 as jsonb)) returning id")
                            .bind("$1", target).bind("$2", audit("test.gap.early", target)).execute())
                    .flatMap(result -> result.map((row, meta) -> row.get(0, Long.class))).blockFirst();
            long late = outbox.append("AuditRecorded", target, audit("test.gap.late", target));
            assertThat(late).isGreaterThan(early);

            consumer.drain().block(Duration.ofSeconds(20));
            Thread.sleep(1_500);
            consumer.drain().block(Duration.ofSeconds(20));
            assertThat(copiesOf(late)).as("not handled past the open transaction's id").isEmpty();

            Mono.from(slow.commitTransaction()).block(Duration.ofSeconds(10));
            eventually(() -> copiesOf(late), rows -> rows.size() == 1);
            assertThat(copiesOf(early)).hasSize(1);
        } finally {
            Mono.from(slow.close()).block(Duration.ofSeconds(10));
        }
    }

    private static String audit(String action, String target) {
        return "{\"action\": \"" + action + "\", \"target\": \"" + target + "\", \"details\": {}}";
    }

    private static String statusChange(String kind, String status, UUID from, UUID to, String amount) {
        return """
                {"transferId": "%s", "kind": "%s", "status": "%s", "amount": "%s", "fee": "0", "currency": "%s",
                 "fromOwnerId": %s, "toOwnerId": %s, "initiatorId": "%s"}""".formatted(UUID.randomUUID(), kind, status,
                amount, kind.equals("PAYOUT") ? "NGN" : "USD", quoted(from), quoted(to), from);
    }

    private static String quoted(UUID id) {
        return id == null ? "null" : "\"" + id + "\"";
    }

    private List<Map<String, Object>> copiesOf(long eventId) {
        return database.sql("select actor_id, action, target, request_id, ip, source, details::text as details, "
                        + "to_char(at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') as at "
                        + "from audit_log where source = 'payments' and source_event_id = :id")
                .bind("id", eventId).fetch().all().collectList().block(Duration.ofSeconds(10));
    }

    private long offset() {
        return database.sql("select last_event_id from event_offset where consumer = 'payments'")
                .map(row -> row.get(0, Long.class)).one().block(Duration.ofSeconds(10));
    }

    /** What the user was sent apart from the verification email every registration queues. */
    private List<SentNotifications.Sent> paymentNotices(UUID user) {
        return sent.forUser(user).stream().filter(n -> !n.kind().equals("EMAIL_VERIFICATION")).toList();
    }

    private static <T> T eventually(Supplier<T> read, java.util.function.Predicate<T> done) {
        return eventually(read, done, true);
    }

    /** Reads until {@code test} says {@code expected} (consumer wake-ups are asynchronous), at most 15 seconds. */
    private static <T> T eventually(Supplier<T> read, java.util.function.Predicate<T> test, boolean expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        T value = read.get();
        while (test.test(value) != expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still not there after 15 s: " + value);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            value = read.get();
        }
        return value;
    }
}
