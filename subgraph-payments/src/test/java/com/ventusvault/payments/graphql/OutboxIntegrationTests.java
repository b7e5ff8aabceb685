package com.ventusvault.payments.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ventusvault.payments.graphql.PaymentsTestServer.User;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.postgresql.api.Notification;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Sinks;

/**
 * Every committed posting writes its events to the outbox in the same transaction (balance changes of the wallets,
 * the transfer's status), announced on channel ventus_outbox at commit; a rolled-back posting writes none.
 */
@PaymentsIntegrationTest
class OutboxIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    DatabaseClient database;

    @Autowired
    TransactionalOperator transactions;

    @Value("${spring.r2dbc.url}")
    String url;

    @Value("${spring.r2dbc.username}")
    String username;

    @Value("${spring.r2dbc.password}")
    String password;

    private List<Map<String, Object>> eventsAbout(String aggregateId) {
        return database.sql("select event_type, payload::text as payload, xmin::text as tx from outbox_event "
                        + "where aggregate_id = :id order by id").bind("id", aggregateId)
                .fetch().all().collectList().block();
    }

    private String transactionOfTransfer(String id) {
        return database.sql("select xmin::text from transfer where id = :id").bind("id", UUID.fromString(id))
                .map(row -> row.get(0, String.class)).one().block();
    }

    @Test
    void aPaymentWritesBalanceAndStatusEventsInItsOwnTransactionAndAnnouncesThemAtCommit() {
        User alice = PaymentsTestServer.newUser(port);
        User bob = PaymentsTestServer.newUser(port);
        String aliceUsd = alice.openWallet("USD");
        String bobUsd = bob.openWallet("USD");
        alice.deposit(aliceUsd, "100");

        PostgresqlConnection listener = listen();
        try {
            Sinks.Many<Notification> received = Sinks.many().replay().all();
            listener.getNotifications().subscribe(received::tryEmitNext);
            String transfer = alice.api().documentName("sendMoney").variable("input", Map.of("fromWalletId", aliceUsd,
                            "toWalletId", bobUsd, "amount", "10", "idempotencyKey", "outbox")).execute().errors().verify()
                    .path("sendMoney.transfer.id").entity(String.class).get();
            String tx = transactionOfTransfer(transfer);

            List<Map<String, Object>> aliceEvents = eventsAbout(aliceUsd);
            assertThat(aliceEvents).hasSize(2); // the deposit and the payment
            Map<String, Object> paid = aliceEvents.get(1);
            assertThat(paid.get("event_type")).isEqualTo("WalletBalanceChanged");
            assertThat(paid.get("tx")).isEqualTo(tx);
            assertThat((String) paid.get("payload")).contains("\"balance\": \"89.950000000000000000\"")
                    .contains("\"previousBalance\": \"100.000000000000000000\"").contains("\"ownerId\": \"" + alice.id())
                    .contains("\"transferId\": \"" + transfer + "\"");
            assertThat(eventsAbout(bobUsd)).singleElement().satisfies(event -> assertThat(event.get("tx")).isEqualTo(tx));
            assertThat(eventsAbout(transfer)).singleElement().satisfies(event -> {
                assertThat(event.get("event_type")).isEqualTo("TransferStatusChanged");
                assertThat(event.get("tx")).isEqualTo(tx);
                assertThat((String) event.get("payload")).contains("\"status\": \"COMPLETED\"").contains("\"kind\": \"P2P\"");
            });

            List<Long> ids = database.sql("select id from outbox_event where xmin::text = :tx order by id").bind("tx", tx)
                    .map(row -> row.get(0, Long.class)).all().collectList().block();
            // Two wallets, the status and the audit entry (issue 5); fee revenue is not a wallet.
            assertThat(ids).hasSize(4);
            assertThat(database.sql("select count(*) from outbox_event where xmin::text = :tx and event_type = 'AuditRecorded'")
                    .bind("tx", tx).map(row -> row.get(0, Long.class)).one().block()).isEqualTo(1L);
            List<String> announced = received.asFlux().map(Notification::getParameter)
                    .filter(id -> ids.contains(Long.valueOf(id))).take(4).collectList().block(Duration.ofSeconds(10));
            assertThat(announced).containsExactlyElementsOf(ids.stream().map(String::valueOf).toList());
        } finally {
            listener.close().block();
        }
    }

    @Test
    void aRolledBackPostingLeavesNoEvents() {
        User alice = PaymentsTestServer.newUser(port);
        User bob = PaymentsTestServer.newUser(port);
        String aliceUsd = alice.openWallet("USD");
        String bobUsd = bob.openWallet("USD");
        alice.deposit(aliceUsd, "5");
        long before = count();

        // Refused by the ledger: rolled back (only the refusal is kept, which is not an event).
        alice.api().documentName("sendMoney").variable("input", Map.of("fromWalletId", aliceUsd, "toWalletId", bobUsd,
                        "amount", "10", "idempotencyKey", "too-much")).execute().errors().verify()
                .path("sendMoney.userErrors[0].code").entity(String.class).isEqualTo("INSUFFICIENT_FUNDS");
        java.util.concurrent.atomic.AtomicLong insideTransaction = new java.util.concurrent.atomic.AtomicLong();
        // Written by hand and refused by the database at commit (one-sided entry): its balance event goes with it.
        UUID transfer = UUID.randomUUID();
        assertThatThrownBy(() -> transactions.transactional(database.sql("insert into transfer (id, kind, status, amount, "
                                + "fee, currency, from_account_id, initiator_id, idempotency_key, request_fingerprint) "
                                + "values (:id, 'P2P', 'COMPLETED', 1, 0, 'USD', :wallet, :user, :key, 'x')")
                        .bind("id", transfer).bind("wallet", UUID.fromString(aliceUsd)).bind("user", alice.id())
                        .bind("key", "by-hand").then()
                        .then(database.sql("insert into transfer_status_change (transfer_id, status) values (:id, 'COMPLETED')")
                                .bind("id", transfer).then())
                        .then(database.sql("insert into journal_entry (transfer_id, account_id, amount, currency) "
                                        + "values (:id, :wallet, -1, 'USD')")
                                .bind("id", transfer).bind("wallet", UUID.fromString(aliceUsd)).then())
                        // Inside the transaction the events are there: status + Alice's balance.
                        .then(database.sql("select count(*) from outbox_event where aggregate_id in (:transfer, :wallet)")
                                .bind("transfer", transfer.toString()).bind("wallet", aliceUsd)
                                .map(row -> row.get(0, Long.class)).one()
                                .doOnNext(seen -> insideTransaction.set(seen))))
                .block()).hasMessageContaining("unbalanced");

        assertThat(insideTransaction.get()).isEqualTo(3L); // the deposit's balance event, the status, the debit

        assertThat(count()).isEqualTo(before);
        assertThat(eventsAbout(transfer.toString())).isEmpty();
        assertThat(PaymentsTestServer.balance(database, aliceUsd)).isEqualByComparingTo("5");
    }

    @Test
    void holdsMoveHeldAndAnnounceIt() {
        User alice = PaymentsTestServer.newUser(port);
        String ngn = alice.openWallet("NGN");
        alice.deposit(ngn, "100");
        UUID transfer = UUID.randomUUID();
        database.sql("insert into transfer (id, kind, status, amount, fee, currency, from_account_id, initiator_id, "
                        + "idempotency_key, request_fingerprint) values (:id, 'PAYOUT', 'INITIATED', 40, 0, 'NGN', :wallet, "
                        + ":user, :key, 'x')")
                .bind("id", transfer).bind("wallet", UUID.fromString(ngn)).bind("user", alice.id()).bind("key", "hold")
                .then().block();
        database.sql("insert into hold (id, transfer_id, account_id, amount, currency, expires_at) "
                        + "values (gen_random_uuid(), :id, :wallet, 40, 'NGN', now() + interval '1 hour')")
                .bind("id", transfer).bind("wallet", UUID.fromString(ngn)).then().block();

        assertThat(eventsAbout(ngn)).hasSize(2).last().satisfies(event -> assertThat((String) event.get("payload"))
                .contains("\"held\": \"40.000000000000000000\"").contains("\"available\": \"60.000000000000000000\"")
                .contains("\"transferId\": \"" + transfer + "\""));
    }

    private long count() {
        return database.sql("select count(*) from outbox_event").map(row -> row.get(0, Long.class)).one().block();
    }

    /** A separate connection LISTENing on ventus_outbox. */
    private PostgresqlConnection listen() {
        URI uri = URI.create(url.substring("r2dbc:".length()));
        String path = uri.getPath().substring(1);
        PostgresqlConnectionConfiguration.Builder builder = PostgresqlConnectionConfiguration.builder()
                .host(uri.getHost()).port(uri.getPort()).database(path).username(username).password(password);
        PostgresqlConnection connection = new PostgresqlConnectionFactory(builder.build()).create().block();
        connection.createStatement("LISTEN ventus_outbox").execute().flatMap(result -> result.getRowsUpdated()).then().block();
        return connection;
    }
}
