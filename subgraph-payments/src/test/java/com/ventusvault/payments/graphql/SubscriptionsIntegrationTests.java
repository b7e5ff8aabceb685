package com.ventusvault.payments.graphql;

import static com.ventusvault.payments.graphql.PaymentsTestServer.newUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ventusvault.payments.graphql.PaymentsTestServer.User;
import com.ventusvault.payments.outbox.OutboxFanout;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;

/**
 * {@code balanceUpdated} and {@code transferUpdated} over a real WebSocket (graphql-transport-ws, token in
 * {@code connection_init}), fed by the outbox relay: committed changes arrive in order within a second; a rolled-back
 * one never; an open transaction holding an earlier outbox id holds later events back until it ends, and no longer.
 */
@PaymentsIntegrationTest
class SubscriptionsIntegrationTests {

    private static final Duration WITHIN_A_SECOND = Duration.ofSeconds(1);
    private static final String BALANCES = """
            subscription($walletId: ID!) { balanceUpdated(walletId: $walletId) {
              wallet { id currency } balance { amount currency } available { amount } held { amount }
              transfer { id } at version } }""";
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

    private final Disposable.Composite subscriptions = Disposables.composite();

    @AfterEach
    void unsubscribe() {
        subscriptions.dispose();
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
    void aRefusedTokenInConnectionInitRefusesTheConnection() {
        User alice = newUser(port);
        String wallet = alice.openWallet("USD");

        assertThatThrownBy(() -> client("not-a-token").document(BALANCES).variable("walletId", wallet)
                .executeSubscription().blockFirst(Duration.ofSeconds(10)))
                .isNotNull();
        assertThat(errorOf(null, BALANCES, Map.of("walletId", wallet))).contains("UNAUTHENTICATED");
    }

    // ---------------------------------------------------------------- helpers

    /** Subscribes and waits until the relay's fan-out holds the new subscription. */
    private BlockingQueue<Object> subscribe(User user, String document, Map<String, Object> variables)
            throws InterruptedException {
        int before = fanout.subscriptions();
        BlockingQueue<Object> events = new LinkedBlockingQueue<>();
        subscriptions.add(client(user.token()).document(document).variables(variables).executeSubscription()
                .subscribe(response -> events.add(response.getData()), events::add));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (fanout.subscriptions() < before + 1) {
            assertThat(System.nanoTime()).as("subscription taken").isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(10);
        }
        return events;
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
        try {
            client(user == null ? null : user.token()).document(document).variables(variables).executeSubscription()
                    .blockLast(Duration.ofSeconds(10));
        } catch (SubscriptionErrorException e) {
            return e.getErrors().toString();
        }
        throw new AssertionError("the subscription was not refused");
    }

    private WebSocketGraphQlClient client(String token) {
        Map<String, Object> init = token == null ? Map.of() : Map.of("Authorization", "Bearer " + token);
        return WebSocketGraphQlClient.builder(URI.create("ws://localhost:" + port + "/graphql"),
                        new ReactorNettyWebSocketClient())
                .interceptor(new WebSocketGraphQlClientInterceptor() {
                    @Override
                    public Mono<Object> connectionInitPayload() {
                        return Mono.just(init);
                    }
                })
                .build();
    }
}
