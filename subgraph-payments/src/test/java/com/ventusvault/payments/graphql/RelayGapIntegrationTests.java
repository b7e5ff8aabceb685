package com.ventusvault.payments.graphql;

import static com.ventusvault.payments.graphql.PaymentsTestServer.newUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ventusvault.payments.graphql.PaymentsTestServer.User;
import com.ventusvault.payments.outbox.OutboxFanout;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Gaps the relay must resolve exactly. A transaction that took an earlier outbox id but a newer transaction id than
 * the one that committed the later event is not in the read's {@code pg_current_snapshot()} in-progress list (which
 * only lists ids below its {@code xmax}): it must still hold the later event back, and its own event must still come.
 * And a gap left by a rolled-back id while other outbox writers never stop overlapping (steady traffic) settles as soon
 * as the writers open when it was first seen end, not at a lull that steady traffic never gives.
 */
@PaymentsIntegrationTest
class RelayGapIntegrationTests {

    private static final String BALANCES = """
            subscription($walletId: ID!) { balanceUpdated(walletId: $walletId) { transfer { id } version } }""";

    @LocalServerPort
    int port;

    @Autowired
    OutboxFanout fanout;

    @Autowired
    DatabaseClient database;

    @Autowired
    TransactionalOperator transactions;

    private SubscriberSockets sockets;
    private Disposable traffic;

    @BeforeEach
    void sockets() {
        sockets = new SubscriberSockets(port, fanout);
    }

    @AfterEach
    void stop() {
        if (traffic != null) {
            traffic.dispose();
        }
        sockets.close();
    }

    @Test
    void aWriterWithANewerTransactionIdThanTheCommittedLaterEventStillHoldsItBack() throws Exception {
        User slow = newUser(port);
        User quick = newUser(port);
        String slowWallet = slow.openWallet("USD");
        String quickWallet = quick.openWallet("USD");
        BlockingQueue<Object> slowEvents = sockets.subscribe(slow.token(), BALANCES, Map.of("walletId", slowWallet));
        BlockingQueue<Object> quickEvents = sockets.subscribe(quick.token(), BALANCES, Map.of("walletId", quickWallet));

        // The quick transaction takes its transaction id first; the slow one then takes a newer transaction id and
        // the earlier outbox id; the quick one takes the later outbox id and commits. The read that shows the quick
        // event has xmax = quick's id + 1, so the slow transaction is in progress but not in the snapshot's list.
        CompletableFuture<Void> quickStarted = new CompletableFuture<>();
        CompletableFuture<Void> quickMayWrite = new CompletableFuture<>();
        CompletableFuture<Void> slowInserted = new CompletableFuture<>();
        CompletableFuture<Void> slowMayCommit = new CompletableFuture<>();
        var quickCommit = transactions.transactional(database.sql("select pg_current_xact_id()").fetch().rowsUpdated()
                .doOnSuccess(done -> quickStarted.complete(null))
                .then(Mono.fromFuture(quickMayWrite))
                .then(insertEvent(quickWallet, quick.id(), 3))).toFuture();
        quickStarted.get(10, TimeUnit.SECONDS);
        var slowCommit = transactions.transactional(insertEvent(slowWallet, slow.id(), 7)
                .doOnSuccess(done -> slowInserted.complete(null))
                .then(Mono.fromFuture(slowMayCommit))).toFuture();
        slowInserted.get(10, TimeUnit.SECONDS);
        quickMayWrite.complete(null);
        quickCommit.get(10, TimeUnit.SECONDS);

        assertThat(quickEvents.poll(1000, TimeUnit.MILLISECONDS)).as("held back behind the open writer").isNull();
        slowMayCommit.complete(null);
        slowCommit.get(10, TimeUnit.SECONDS);
        assertThat(SubscriberSockets.next(slowEvents, "balanceUpdated", Duration.ofSeconds(1)).get("version"))
                .isEqualTo(7);
        assertThat(SubscriberSockets.next(quickEvents, "balanceUpdated", Duration.ofSeconds(1)).get("version"))
                .isEqualTo(3);
    }

    @Test
    void aRolledBackIdSettlesWhileOverlappingWritersKeepCommitting() throws Exception {
        User owner = newUser(port);
        String wallet = owner.openWallet("USD");
        String other = newUser(port).openWallet("USD");
        owner.deposit(wallet, "50.00");
        BlockingQueue<Object> events = sockets.subscribe(owner.token(), BALANCES, Map.of("walletId", wallet));

        // Three lanes of outbox writers, staggered by 30 ms, each one transaction after another, each open 90 ms: from
        // here on some writer is always in progress, as under steady traffic.
        AtomicInteger committed = new AtomicInteger();
        Mono<Void> writer = Mono.defer(() -> transactions.transactional(database.sql("insert into outbox_event "
                                + "(aggregate_type, aggregate_id, event_type, payload) "
                                + "values ('Traffic', :id, 'Tick', '{}'::jsonb)")
                        .bind("id", UUID.randomUUID().toString())
                        .then()
                        .then(Mono.delay(Duration.ofMillis(90)).then()))
                .doOnSuccess(done -> committed.incrementAndGet()));
        traffic = Flux.range(0, 3)
                .flatMap(lane -> Mono.delay(Duration.ofMillis(30L * lane)).then(writer.repeat().then()))
                .subscribe();
        TimeUnit.MILLISECONDS.sleep(300);

        // The gap: an outbox id taken by a transaction that rolls back.
        assertThatThrownBy(() -> transactions.transactional(database.sql(
                        "update ledger_account set balance = balance + 1000 where id = :id")
                .bind("id", UUID.fromString(wallet)).then()
                .then(Mono.error(new IllegalStateException("roll back")))).block())
                .hasMessageContaining("roll back");

        String transfer = owner.pay(wallet, other, "5.00");
        Map<String, Object> update = SubscriberSockets.next(events, "balanceUpdated", Duration.ofSeconds(1));
        assertThat(update.get("transfer")).isEqualTo(Map.of("id", transfer));
        assertThat(traffic.isDisposed()).as("the traffic still running").isFalse();
        assertThat(committed.get()).as("writers committed around the gap").isGreaterThan(6);
    }

    private Mono<Void> insertEvent(String wallet, UUID owner, int version) {
        return database.sql("insert into outbox_event (aggregate_type, aggregate_id, event_type, payload) "
                        + "values ('Wallet', :id, 'WalletBalanceChanged', cast(:payload as jsonb))")
                .bind("id", wallet)
                .bind("payload", "{\"walletId\":\"" + wallet + "\",\"ownerId\":\"" + owner
                        + "\",\"currency\":\"USD\",\"balance\":\"0\",\"held\":\"0\",\"version\":" + version + "}")
                .then();
    }
}
