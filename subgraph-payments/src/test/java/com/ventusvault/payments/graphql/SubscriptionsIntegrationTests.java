package com.ventusvault.payments.graphql;

import static com.ventusvault.payments.graphql.PaymentsTestServer.newUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ventusvault.payments.domain.AccountId;
import com.ventusvault.payments.domain.Currency;
import com.ventusvault.payments.domain.Fees;
import com.ventusvault.payments.domain.Money;
import com.ventusvault.payments.domain.Posting;
import com.ventusvault.payments.domain.Transfer;
import com.ventusvault.payments.domain.TransferId;
import com.ventusvault.payments.domain.TransferKind;
import com.ventusvault.payments.domain.TransferStatus;
import com.ventusvault.payments.graphql.PaymentsTestServer.User;
import com.ventusvault.payments.holds.Hold;
import com.ventusvault.payments.holds.HoldResult;
import com.ventusvault.payments.holds.HoldService;
import com.ventusvault.payments.outbox.OutboxFanout;
import com.ventusvault.payments.persistence.TransferRepository;
import com.ventusvault.platform.testing.GraphQlSocketProbe;
import com.ventusvault.platform.testing.StatementLog;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * {@code balanceUpdated} and {@code transferUpdated} over a real WebSocket (graphql-transport-ws, token in
 * {@code connection_init}), fed by the outbox relay: committed changes arrive in order within a second, to both
 * parties (and staff for transfers); a rolled-back one never; an open transaction holding an earlier outbox id holds
 * later events back until it ends, and no longer; an open transaction that wrote no event holds nothing back; a
 * refused token closes the connection with 4401.
 */
@PaymentsIntegrationTest
@Import({StatementLog.class, StaffTokens.Keys.class}) // staff tokens; the context of the statement-counting classes
class SubscriptionsIntegrationTests {

    private static final Duration WITHIN_A_SECOND = Duration.ofSeconds(1);
    private static final String BALANCES = """
            subscription($walletId: ID!) { balanceUpdated(walletId: $walletId) {
              wallet { id currency } balance { amount currency } available { amount } held { amount }
              transfer { id } at version } }""";
    private static final String TRANSFER_DETAILS = """
            subscription($id: ID!) { transferUpdated(id: $id) {
              id kind status amount { amount } fee { amount } from { id } to { id } history { status } } }""";
    private static final String TRANSFER = """
            subscription($id: ID!) { transferUpdated(id: $id) { id kind status amount { amount } history { status } } }""";

    @LocalServerPort
    int port;

    @Autowired
    OutboxFanout fanout;

    @Autowired
    DatabaseClient database;

    @Autowired
    TransactionalOperator transactions;

    @Autowired
    TransferRepository transfers;

    @Autowired
    HoldService holds;

    private SubscriberSockets sockets;

    @BeforeEach
    void sockets() {
        sockets = new SubscriberSockets(port, fanout);
    }

    @AfterEach
    void unsubscribe() {
        sockets.close();
    }

    @Test
    void aCommittedTransferReachesTheSendersAndTheReceiversSubscribersWithinASecond() throws Exception {
        User alice = newUser(port);
        User bob = newUser(port);
        String aliceWallet = alice.openWallet("USD");
        String bobWallet = bob.openWallet("USD");
        alice.deposit(aliceWallet, "100.00");

        BlockingQueue<Object> aliceEvents = subscribe(alice, BALANCES, Map.of("walletId", aliceWallet));
        BlockingQueue<Object> bobEvents = subscribe(bob, BALANCES, Map.of("walletId", bobWallet));
        String transfer = alice.pay(aliceWallet, bobWallet, "10.00");

        Map<String, Object> bobs = update(bobEvents.poll(WITHIN_A_SECOND.toMillis(), TimeUnit.MILLISECONDS));
        assertThat(bobs.get("transfer")).isEqualTo(Map.of("id", transfer));
        assertThat(bobs.get("balance")).isEqualTo(Map.of("amount", "10.00", "currency", "USD"));
        assertThat(bobs.get("wallet")).isEqualTo(Map.of("id", bobWallet, "currency", "USD"));
        Map<String, Object> alices = update(aliceEvents.poll(WITHIN_A_SECOND.toMillis(), TimeUnit.MILLISECONDS));
        assertThat(alices.get("transfer")).isEqualTo(Map.of("id", transfer));
        assertThat(new BigDecimal(amount(alices, "balance")))
                .isEqualByComparingTo(PaymentsTestServer.balance(database, aliceWallet));
    }

    @Test
    void aRolledBackChangeSendsNothingAndDoesNotHoldBackTheNextOne() throws Exception {
        User owner = newUser(port);
        String wallet = owner.openWallet("USD");
        String other = newUser(port).openWallet("USD");
        owner.deposit(wallet, "50.00");
        BlockingQueue<Object> events = subscribe(owner, BALANCES, Map.of("walletId", wallet));

        // A payment refused for insufficient funds: its posting transaction rolls back.
        owner.sendMoney(PaymentsTestServer.moneyInput(wallet, other, null, "500.00", UUID.randomUUID().toString()))
                .path("sendMoney.userErrors[0].code").entity(String.class).isEqualTo("INSUFFICIENT_FUNDS");
        // The balance moves and the outbox row is written (the trigger), then the transaction rolls back.
        assertThatThrownBy(() -> transactions.transactional(database.sql(
                        "update ledger_account set balance = balance + 1000 where id = :id")
                .bind("id", UUID.fromString(wallet)).then()
                .then(Mono.error(new IllegalStateException("roll back")))).block())
                .hasMessageContaining("roll back");
        assertThat(events.poll(1500, TimeUnit.MILLISECONDS)).as("an event of a rolled-back change").isNull();

        String transfer = owner.pay(wallet, other, "5.00");
        Map<String, Object> update = update(events.poll(WITHIN_A_SECOND.toMillis(), TimeUnit.MILLISECONDS));
        assertThat(update.get("transfer")).isEqualTo(Map.of("id", transfer));
        assertThat(amount(update, "balance")).isEqualTo("44.97");
    }

    @Test
    void anOpenTransactionWithAnEarlierOutboxIdHoldsLaterEventsBackUntilItCommits() throws Exception {
        User slow = newUser(port);
        User quick = newUser(port);
        String slowWallet = slow.openWallet("USD");
        String quickWallet = quick.openWallet("USD");
        String sink = newUser(port).openWallet("USD");
        quick.deposit(quickWallet, "20.00");
        BlockingQueue<Object> slowEvents = subscribe(slow, BALANCES, Map.of("walletId", slowWallet));
        BlockingQueue<Object> quickEvents = subscribe(quick, BALANCES, Map.of("walletId", quickWallet));

        // The slow transaction takes its outbox id first and stays open until the test lets it commit; the quick
        // transfer commits meanwhile, with a later id.
        CompletableFuture<Void> inserted = new CompletableFuture<>();
        CompletableFuture<Void> mayCommit = new CompletableFuture<>();
        var slowCommit = transactions.transactional(database.sql("insert into outbox_event "
                        + "(aggregate_type, aggregate_id, event_type, payload) "
                        + "values ('Wallet', :id, 'WalletBalanceChanged', cast(:payload as jsonb))")
                .bind("id", slowWallet)
                .bind("payload", "{\"walletId\":\"" + slowWallet + "\",\"ownerId\":\"" + slow.id()
                        + "\",\"currency\":\"USD\",\"balance\":\"0\",\"held\":\"0\",\"version\":7}")
                .then()
                .doOnSuccess(done -> inserted.complete(null))
                .then(Mono.fromFuture(mayCommit))).toFuture();
        inserted.get(10, TimeUnit.SECONDS);
        String transfer = quick.pay(quickWallet, sink, "1.00");

        assertThat(quickEvents.poll(1500, TimeUnit.MILLISECONDS)).as("held back behind the open transaction").isNull();
        mayCommit.complete(null);
        slowCommit.get(10, TimeUnit.SECONDS);
        assertThat(update(slowEvents.poll(WITHIN_A_SECOND.toMillis(), TimeUnit.MILLISECONDS)).get("version")).isEqualTo(7);
        assertThat(update(quickEvents.poll(WITHIN_A_SECOND.toMillis(), TimeUnit.MILLISECONDS)).get("transfer")).isEqualTo(Map.of("id", transfer));
    }

    @Test
    void anOpenTransactionThatWritesNoEventDoesNotHoldBackEventsAfterAGap() throws Exception {
        User owner = newUser(port);
        String wallet = owner.openWallet("USD");
        String other = newUser(port).openWallet("USD");
        owner.deposit(wallet, "50.00");
        BlockingQueue<Object> events = subscribe(owner, BALANCES, Map.of("walletId", wallet));

        // Any transaction of the cluster that has written something (here: it took a transaction id) and stays open,
        // e.g. another app's, a migration, a psql session left in a transaction. It writes no outbox event.
        CompletableFuture<Void> started = new CompletableFuture<>();
        CompletableFuture<Void> mayEnd = new CompletableFuture<>();
        var unrelated = transactions.transactional(database.sql("select txid_current()").fetch().rowsUpdated()
                .doOnSuccess(done -> started.complete(null))
                .then(Mono.fromFuture(mayEnd))).toFuture();
        try {
            started.get(10, TimeUnit.SECONDS);
            // A gap: an outbox id taken by a transaction that rolls back.
            assertThatThrownBy(() -> transactions.transactional(database.sql(
                            "update ledger_account set balance = balance + 1000 where id = :id")
                    .bind("id", UUID.fromString(wallet)).then()
                    .then(Mono.error(new IllegalStateException("roll back")))).block())
                    .hasMessageContaining("roll back");

            String transfer = owner.pay(wallet, other, "5.00");
            Map<String, Object> update = update(events.poll(WITHIN_A_SECOND.toMillis(), TimeUnit.MILLISECONDS));
            assertThat(update.get("transfer")).isEqualTo(Map.of("id", transfer));
        } finally {
            mayEnd.complete(null);
            unrelated.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void onlyTheOwnerMayFollowAWallet() {
        User owner = newUser(port);
        User snoop = newUser(port);
        String wallet = owner.openWallet("USD");

        assertThat(errorOf(snoop, BALANCES, Map.of("walletId", wallet))).contains("FORBIDDEN");
        assertThat(errorOf(snoop, BALANCES, Map.of("walletId", UUID.randomUUID().toString()))).contains("NOT_FOUND");
    }

    @Test
    void aFinishedTransferIsSentOnceAndTheSubscriptionCompletes() {
        User alice = newUser(port);
        String from = alice.openWallet("USD");
        String to = newUser(port).openWallet("USD");
        alice.deposit(from, "10.00");
        String transfer = alice.pay(from, to, "1.00");

        List<ClientGraphQlResponse> responses = client(alice.token()).document(TRANSFER).variable("id", transfer)
                .executeSubscription().collectList().block(Duration.ofSeconds(10));

        assertThat(responses).singleElement().satisfies(response -> {
            assertThat((Object) response.field("transferUpdated.status").getValue()).isEqualTo("COMPLETED");
            assertThat(response.field("transferUpdated.history").toEntityList(Map.class)).isNotEmpty();
        });
        assertThat(errorOf(newUser(port), TRANSFER, Map.of("id", transfer))).contains("NOT_FOUND");
    }

    @Test
    void aRefusedTokenInConnectionInitClosesTheConnectionWith4401AndNoTokenIsAnonymous() {
        User alice = newUser(port);
        String wallet = alice.openWallet("USD");

        for (String token : List.of("not-a-token", PaymentsTestServer.TOKENS.expiredTokenFor(alice.id(), alice.email()))) {
            GraphQlSocketProbe.Outcome refused = GraphQlSocketProbe.connectionInit(sockets.uri(),
                    Map.of("Authorization", "Bearer " + token), Duration.ofSeconds(10));
            assertThat(refused.messages()).as("no connection_ack").isEmpty();
            assertThat(refused.closeStatus()).isNotNull();
            assertThat(refused.closeStatus().getCode()).isEqualTo(4401);
        }
        assertThatThrownBy(() -> client("not-a-token").document(BALANCES).variable("walletId", wallet)
                .executeSubscription().blockFirst(Duration.ofSeconds(10)))
                .isNotNull();
        assertThat(errorOf(null, BALANCES, Map.of("walletId", wallet))).contains("UNAUTHENTICATED");
    }

    @Test
    void aTransferInFlightReachesItsPartiesAndStaffAtEachCommittedStatusAndThenCompletes() throws Exception {
        User alice = newUser(port);
        User bob = newUser(port);
        AccountId from = AccountId.parse(alice.openWallet("USD")).orElseThrow();
        AccountId to = AccountId.parse(bob.openWallet("USD")).orElseThrow();
        alice.deposit(from.toString(), "40.00");
        // A transfer that goes through statuses as a payout does: reserved by a hold, then posted.
        Money amount = Money.of("15.00", Currency.USD);
        Transfer transfer = new Transfer(TransferId.random(), TransferKind.P2P, TransferStatus.INITIATED, amount,
                Fees.none(Currency.USD), from, to, "in flight", alice.id(), Instant.now().truncatedTo(ChronoUnit.MICROS));
        assertThat(transfers.insert(transfer, "in-flight-" + UUID.randomUUID(), "fp", "requested").block()).isTrue();
        Map<String, Object> id = Map.of("id", transfer.id().toString());
        String support = StaffTokens.token(UUID.randomUUID(), "support@example.com", "CUSTOMER", "SUPPORT");
        List<BlockingQueue<Object>> followers = List.of(subscribe(alice, TRANSFER_DETAILS, id),
                subscribe(bob, TRANSFER_DETAILS, id), sockets.subscribe(support, TRANSFER_DETAILS, id));
        BlockingQueue<Object> bobsBalance = subscribe(bob, BALANCES, Map.of("walletId", to.toString()));
        for (BlockingQueue<Object> follower : followers) {
            Map<String, Object> current = SubscriberSockets.next(follower, "transferUpdated", WITHIN_A_SECOND);
            assertThat(current.get("status")).as("the current state first").isEqualTo("INITIATED");
            assertThat(current.get("from")).isEqualTo(Map.of("id", from.toString()));
            assertThat(current.get("to")).isEqualTo(Map.of("id", to.toString()));
        }
        assertThat(errorOf(newUser(port), TRANSFER_DETAILS, id)).contains("NOT_FOUND");

        Hold hold = ((HoldResult.Held) holds.place(transfer.id(), from, amount).block()).hold();
        assertThat(transfers.transition(transfer.id(), TransferStatus.INITIATED, TransferStatus.BALANCE_RESERVED,
                "reserved").block()).isTrue();
        for (BlockingQueue<Object> follower : followers) {
            assertThat(SubscriberSockets.next(follower, "transferUpdated", WITHIN_A_SECOND).get("status"))
                    .isEqualTo("BALANCE_RESERVED");
        }

        transactions.transactional(holds.post(hold.id(), amount, List.of(Posting.debit(from, amount),
                        Posting.credit(to, amount)))
                .then(transfers.transition(transfer.id(), TransferStatus.BALANCE_RESERVED, TransferStatus.COMPLETED,
                        "posted"))).block();
        for (BlockingQueue<Object> follower : followers) {
            Map<String, Object> done = SubscriberSockets.next(follower, "transferUpdated", WITHIN_A_SECOND);
            assertThat(done.get("status")).isEqualTo("COMPLETED");
            assertThat(done.get("history")).isEqualTo(List.of(Map.of("status", "INITIATED"),
                    Map.of("status", "BALANCE_RESERVED"), Map.of("status", "COMPLETED")));
            assertThat(done.get("fee")).isEqualTo(Map.of("amount", "0.00"));
            assertThat(follower.poll(WITHIN_A_SECOND.toMillis(), TimeUnit.MILLISECONDS)).as("then the end")
                    .isSameAs(SubscriberSockets.COMPLETED);
        }
        Map<String, Object> received = update(bobsBalance.poll(WITHIN_A_SECOND.toMillis(), TimeUnit.MILLISECONDS));
        assertThat(received.get("transfer")).isEqualTo(Map.of("id", transfer.id().toString()));
        assertThat(amount(received, "balance")).isEqualTo("15.00");
    }

    // ---------------------------------------------------------------- helpers

    private BlockingQueue<Object> subscribe(User user, String document, Map<String, Object> variables)
            throws InterruptedException {
        return sockets.subscribe(user.token(), document, variables);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> update(Object event) {
        assertThat(event).as("an update within the wait").isInstanceOf(Map.class);
        return (Map<String, Object>) ((Map<String, Object>) event).get("balanceUpdated");
    }

    @SuppressWarnings("unchecked")
    private static String amount(Map<String, Object> update, String field) {
        return (String) ((Map<String, Object>) update.get(field)).get("amount");
    }

    private String errorOf(User user, String document, Map<String, Object> variables) {
        return sockets.errorOf(user == null ? null : user.token(), document, variables);
    }

    private WebSocketGraphQlClient client(String token) {
        return sockets.client(token);
    }
}
