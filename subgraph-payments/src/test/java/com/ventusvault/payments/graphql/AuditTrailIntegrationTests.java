package com.ventusvault.payments.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.ventusvault.payments.graphql.PaymentsTestServer.User;
import com.ventusvault.platform.testing.StatementLog;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every money-moving mutation writes one AuditRecorded outbox event in the transaction that moves the money: who
 * (the signed-in user), what (action, target, amounts, wallets and their owners), and from where (X-Request-Id,
 * client IP). Replays and refusals move nothing and write none. A P2P payment writes its event in the transfer's own
 * insert statement. TransferStatusChanged events name the owners of both wallets.
 */
@PaymentsIntegrationTest
@Import({StatementLog.class, StaffTokens.Keys.class}) // the context of the statement-counting classes
class AuditTrailIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    DatabaseClient database;

    @Autowired
    StatementLog log;

    @Test
    void aPaymentIsAuditedOnceInItsOwnTransactionAndStatementWithWhoWhatAndWhere() {
        User alice = PaymentsTestServer.newUser(port);
        User bob = PaymentsTestServer.newUser(port);
        String aliceUsd = alice.openWallet("USD");
        String bobUsd = bob.openWallet("USD");
        alice.deposit(aliceUsd, "100");
        alice.pay(aliceUsd, bobUsd, "1"); // warms the caches of the payment path

        log.clear();
        Map<String, Object> input = Map.of("fromWalletId", aliceUsd, "toWalletId", bobUsd, "amount", "10",
                "idempotencyKey", "audited", "note", "for the tickets");
        String transfer = alice.api().mutate().header("X-Request-Id", "req-audit-1").build()
                .documentName("sendMoney").variable("input", input).execute().errors().verify()
                .path("sendMoney.transfer.id").entity(String.class).get();
        // Statements that write the outbox (the relay's reads and published_at marks run beside them).
        List<String> outboxWrites = log.containing("insert into outbox_event");

        List<Audit> audits = auditsOf("transfer:" + transfer);
        assertThat(audits).hasSize(1);
        Audit audit = audits.get(0);
        assertThat(audit.payload.path("action").asString()).isEqualTo("payments.transfer.sent");
        assertThat(audit.payload.path("actorId").asString()).isEqualTo(alice.id().toString());
        assertThat(audit.payload.path("requestId").asString()).isEqualTo("req-audit-1");
        assertThat(audit.payload.path("ip").asString()).isEqualTo("127.0.0.1");
        assertThat(audit.payload.path("at").asString()).isNotBlank();
        JsonNode details = audit.payload.path("details");
        assertThat(details.path("kind").asString()).isEqualTo("P2P");
        assertThat(details.path("transferId").asString()).isEqualTo(transfer);
        assertThat(new java.math.BigDecimal(details.path("amount").asString())).isEqualByComparingTo("10");
        assertThat(new java.math.BigDecimal(details.path("fee").asString())).isEqualByComparingTo("0.05");
        assertThat(details.path("currency").asString()).isEqualTo("USD");
        assertThat(details.path("fromWalletId").asString()).isEqualTo(aliceUsd);
        assertThat(details.path("toWalletId").asString()).isEqualTo(bobUsd);
        assertThat(details.path("fromOwnerId").asString()).isEqualTo(alice.id().toString());
        assertThat(details.path("toOwnerId").asString()).isEqualTo(bob.id().toString());
        assertThat(details.has("note")).as("user text stays out of the audit log").isFalse();
        assertThat(audit.transaction).isEqualTo(transactionOf(transfer));
        // No extra round trip: the transfer's own insert statement wrote the audit event.
        assertThat(outboxWrites).hasSize(1).first().asString().startsWith("with t as (insert into transfer");

        // The same request again is a replay, and a refused one moves nothing: neither is audited.
        alice.sendMoney(input).errors().verify().path("sendMoney.transfer.id").entity(String.class).isEqualTo(transfer);
        alice.sendMoney(Map.of("fromWalletId", aliceUsd, "toWalletId", bobUsd, "amount", "5000",
                        "idempotencyKey", "too-much")).path("sendMoney.userErrors[0].code").entity(String.class)
                .isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(auditsOf("transfer:" + transfer)).hasSize(1);
        assertThat(actionsBy(alice.id())).containsExactly("payments.deposit.completed", "payments.transfer.sent",
                "payments.transfer.sent");
    }

    @Test
    void transferStatusEventsNameTheOwnersOfBothWallets() {
        User alice = PaymentsTestServer.newUser(port);
        User bob = PaymentsTestServer.newUser(port);
        String aliceEur = alice.openWallet("EUR");
        String bobEur = bob.openWallet("EUR");
        alice.deposit(aliceEur, "50");
        String transfer = alice.pay(aliceEur, bobEur, "20");

        JsonNode completed = JSON.readTree(database.sql("select payload::text from outbox_event "
                        + "where aggregate_type = 'Transfer' and aggregate_id = :id and event_type = 'TransferStatusChanged'")
                .bind("id", transfer).map(row -> row.get(0, String.class)).one().block());
        assertThat(completed.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(completed.path("fromOwnerId").asString()).isEqualTo(alice.id().toString());
        assertThat(completed.path("toOwnerId").asString()).isEqualTo(bob.id().toString());
        // A deposit comes from the demo bank, a system account: no owner on that side.
        String deposit = database.sql("select id::text from transfer where kind = 'DEPOSIT' and to_account_id = :w")
                .bind("w", UUID.fromString(aliceEur)).map(row -> row.get(0, String.class)).one().block();
        JsonNode deposited = JSON.readTree(database.sql("select payload::text from outbox_event "
                        + "where aggregate_type = 'Transfer' and aggregate_id = :id").bind("id", deposit)
                .map(row -> row.get(0, String.class)).one().block());
        assertThat(deposited.path("fromOwnerId").isNull()).isTrue();
        assertThat(deposited.path("toOwnerId").asString()).isEqualTo(alice.id().toString());
    }

    @Test
    void escrowsAreAuditedWhenFundedReleasedAndCancelledByWhoeverDidIt() {
        User payer = PaymentsTestServer.newUser(port);
        User payee = PaymentsTestServer.newUser(port);
        String payerUsd = payer.openWallet("USD");
        String payeeUsd = payee.openWallet("USD");
        payer.deposit(payerUsd, "100");

        String released = payer.createEscrow(payerUsd, payeeUsd, "30", "escrow-audit-1");
        payer.api().documentName("releaseEscrow").variable("id", released).execute().errors().verify()
                .path("releaseEscrow.userErrors").entityList(Object.class).hasSize(0);
        String cancelled = payer.createEscrow(payerUsd, payeeUsd, "10", "escrow-audit-2");
        payee.api().documentName("cancelEscrow").variable("id", cancelled).execute().errors().verify()
                .path("cancelEscrow.userErrors").entityList(Object.class).hasSize(0);

        List<Audit> first = auditsOf("escrow:" + released);
        assertThat(first).extracting(audit -> audit.payload.path("action").asString())
                .containsExactly("payments.escrow.created", "payments.escrow.released");
        assertThat(first).allSatisfy(audit ->
                assertThat(audit.payload.path("actorId").asString()).isEqualTo(payer.id().toString()));
        JsonNode release = first.get(1).payload.path("details");
        assertThat(release.path("toOwnerId").asString()).isEqualTo(payee.id().toString());
        assertThat(release.path("toWalletId").asString()).isEqualTo(payeeUsd);
        assertThat(release.path("kind").asString()).isEqualTo("ESCROW");

        List<Audit> second = auditsOf("escrow:" + cancelled);
        assertThat(second).extracting(audit -> audit.payload.path("action").asString())
                .containsExactly("payments.escrow.created", "payments.escrow.cancelled");
        assertThat(second.get(1).payload.path("actorId").asString()).isEqualTo(payee.id().toString());
        assertThat(second.get(1).payload.path("details").path("toOwnerId").asString())
                .isEqualTo(payer.id().toString());
    }

    private record Audit(JsonNode payload, String transaction) {
    }

    private List<Audit> auditsOf(String target) {
        return database.sql("select payload::text as payload, xmin::text as tx from outbox_event "
                        + "where event_type = 'AuditRecorded' and aggregate_type = 'Audit' and aggregate_id = :target "
                        + "order by id")
                .bind("target", target)
                .map(row -> new Audit(JSON.readTree(row.get("payload", String.class)), row.get("tx", String.class)))
                .all().collectList().block();
    }

    private List<String> actionsBy(UUID actor) {
        return database.sql("select payload->>'action' from outbox_event where event_type = 'AuditRecorded' "
                        + "and payload->>'actorId' = :actor order by id")
                .bind("actor", actor.toString()).map(row -> row.get(0, String.class)).all().collectList().block();
    }

    private String transactionOf(String transfer) {
        return database.sql("select xmin::text from transfer where id = :id").bind("id", UUID.fromString(transfer))
                .map(row -> row.get(0, String.class)).one().block();
    }
}
