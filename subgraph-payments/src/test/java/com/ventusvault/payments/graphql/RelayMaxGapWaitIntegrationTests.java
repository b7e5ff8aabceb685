package com.ventusvault.payments.graphql;

import static com.ventusvault.payments.graphql.PaymentsTestServer.newUser;
import static org.assertj.core.api.Assertions.assertThat;

import com.ventusvault.payments.graphql.PaymentsTestServer.User;
import com.ventusvault.payments.outbox.OutboxFanout;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The relay's bound on waiting for a gap ({@code ventus.payments.relay.max-gap-wait}, 500 ms here): a transaction that
 * took an earlier outbox id and stays open holds later events back only that long; its own event, committed after it
 * was passed over, is never sent.
 */
@PaymentsIntegrationTest
@TestPropertySource(properties = "ventus.payments.relay.max-gap-wait=500ms")
class RelayMaxGapWaitIntegrationTests {

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

    @BeforeEach
    void sockets() {
        sockets = new SubscriberSockets(port, fanout);
    }

    @AfterEach
    void unsubscribe() {
        sockets.close();
    }

    @Test
    void anOutboxWriterOpenLongerThanTheBoundIsPassedOverAndLaterEventsFlowAfterIt() throws Exception {
        User slow = newUser(port);
        User quick = newUser(port);
        String slowWallet = slow.openWallet("USD");
        String quickWallet = quick.openWallet("USD");
        String sink = newUser(port).openWallet("USD");
        quick.deposit(quickWallet, "20.00");
        BlockingQueue<Object> slowEvents = sockets.subscribe(slow.token(), BALANCES, Map.of("walletId", slowWallet));
        BlockingQueue<Object> quickEvents = sockets.subscribe(quick.token(), BALANCES, Map.of("walletId", quickWallet));

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
        try {
            inserted.get(10, TimeUnit.SECONDS);
            String transfer = quick.pay(quickWallet, sink, "1.00");
            long paid = System.nanoTime();

            Map<String, Object> update = SubscriberSockets.next(quickEvents, "balanceUpdated", Duration.ofSeconds(5));
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - paid);
            assertThat(update.get("transfer")).isEqualTo(Map.of("id", transfer));
            assertThat(waited).as("held back by the open writer, then passed over (ms)").isBetween(300L, 3_000L);
        } finally {
            mayCommit.complete(null);
            slowCommit.get(10, TimeUnit.SECONDS);
        }
        assertThat(slowEvents.poll(1500, TimeUnit.MILLISECONDS)).as("the passed-over event").isNull();
    }
}
