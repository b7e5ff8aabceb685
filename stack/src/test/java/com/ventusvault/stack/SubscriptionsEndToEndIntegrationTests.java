package com.ventusvault.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.ventusvault.platform.database.DatabaseUrl;
import com.ventusvault.platform.database.EmbeddedPostgresServer;
import com.ventusvault.stack.GraphQlClient.Response;
import com.ventusvault.stack.GraphQlSocket.Event;
import com.ventusvault.stack.GraphQlSocket.Protocol;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Subscriptions as the client apps use them: real WebSockets to the gateway, which subscribes at the owning subgraph
 * and resolves the other subgraphs' fields of every event. Each test registers its own users, so the demo users'
 * balances stay what the other end-to-end tests expect.
 */
@ExtendWith(RunningStack.class)
class SubscriptionsEndToEndIntegrationTests {

    /** The promise of the issue: a committed change reaches its subscribers within a second. */
    private static final Duration WITHIN_A_SECOND = Duration.ofSeconds(1);
    /** How long a subscription may take to be in place at the subgraph before events for it are produced. */
    private static final Duration SETTLING = Duration.ofSeconds(15);

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<GraphQlSocket> SOCKETS = new ArrayList<>();

    private static ClientOperations client;
    private static Stack stack;

    @BeforeAll
    static void connect(Stack running) {
        stack = running;
        client = new ClientOperations(running);
    }

    @AfterAll
    static void closeSockets() {
        SOCKETS.forEach(GraphQlSocket::close);
    }

    record Customer(String token, String walletId, String displayName) {
    }

    @Test
    void aCommittedTransferReachesBothPartiesWithinASecondWithTheOwnersFromAccounts() throws Exception {
        Customer payer = customer("Payer", "300.00");
        Customer payee = customer("Payee", "0.00");
        GraphQlSocket.Queued payerUpdates = balanceUpdates(payer);
        GraphQlSocket.Queued payeeUpdates = balanceUpdates(payee);
        settle(payer, payee, payerUpdates, payeeUpdates);

        JsonNode transfer = send(payer, payee, "25.00", "measured-" + UUID.randomUUID());
        String transferId = transfer.path("id").asString();

        JsonNode payerEvent = nextUpdate(payerUpdates, WITHIN_A_SECOND);
        JsonNode payeeEvent = nextUpdate(payeeUpdates, WITHIN_A_SECOND);
        assertThat(payerEvent.path("transfer").path("id").asString()).isEqualTo(transferId);
        assertThat(payeeEvent.path("transfer").path("id").asString()).isEqualTo(transferId);
        assertThat(payeeEvent.path("wallet").path("owner").path("displayName").asString()).isEqualTo(payee.displayName());
        assertThat(payerEvent.path("wallet").path("owner").path("displayName").asString()).isEqualTo(payer.displayName());
        assertThat(new BigDecimal(payeeEvent.path("balance").path("amount").asString()))
                .isEqualByComparingTo(client.usdWallet(payee.token()).balance());
        assertThat(new BigDecimal(payerEvent.path("balance").path("amount").asString()))
                .isEqualByComparingTo(client.usdWallet(payer.token()).balance());
    }

    @Test
    void aRolledBackChangeSendsNothingAndTheNextCommittedOneStillArrives() throws Exception {
        Customer owner = customer("Rollback", "100.00");
        Customer other = customer("Other", "0.00");
        GraphQlSocket.Queued updates = balanceUpdates(owner);
        settle(owner, other, updates);

        // A real ledger change in a transaction that rolls back: the balance moved, the outbox row was written and
        // PostgreSQL was asked to notify, and then none of it happened.
        DatabaseUrl database = EmbeddedPostgresServer.start();
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl("payments"), database.username(),
                database.password())) {
            connection.setAutoCommit(false);
            try (PreparedStatement move = connection.prepareStatement(
                    "update payments.ledger_account set balance = balance + 1000 where id = ?::uuid")) {
                move.setString(1, owner.walletId());
                assertThat(move.executeUpdate()).isEqualTo(1);
            }
            connection.rollback();
        }
        Event nothing = updates.next(Duration.ofSeconds(2));
        assertThat(nothing).as("an event for a rolled-back change").isNull();

        String transferId = send(owner, other, "5.00", "after-rollback-" + UUID.randomUUID()).path("id").asString();
        JsonNode event = nextUpdate(updates, WITHIN_A_SECOND);
        assertThat(event.path("transfer").path("id").asString()).isEqualTo(transferId);
        assertThat(new BigDecimal(event.path("balance").path("amount").asString()))
                .isEqualByComparingTo(client.usdWallet(owner.token()).balance());
    }

    @Test
    void aPayoutsStatusesReachItsSubscriberUntilItCompletes() throws Exception {
        // A user of its own: logging the demo users in again would spend their login throttle (5 a minute).
        String payer = customer("Payout", "0.00").token();
        String wallet = client.call("OpenWallet", Map.of("currency", "NGN"), payer).orThrow()
                .data("openWallet.wallet.id").asString();
        Response funded = client.call("Deposit", Map.of("input", Map.of("walletId", wallet, "amount", "2000.00",
                "idempotencyKey", "fund-ngn-" + UUID.randomUUID())), payer).orThrow();
        assertThat(funded.data("deposit.userErrors").isEmpty()).isTrue();
        Response payout = client.gateway().execute("""
                mutation($input: PayoutInput!) { requestPayout(input: $input) { transfer { id status } userErrors { code } } }""",
                Map.of("input", Map.of("walletId", wallet, "amount", "500.00", "bankCode", "058",
                        "accountNumber", "0123456780", "provider", "PAYSTACK", "narration", "subscribed",
                        "idempotencyKey", "subscribed-payout-" + UUID.randomUUID())), payer).orThrow();
        assertThat(payout.data("requestPayout.userErrors").isEmpty()).as(payout.body().toString()).isTrue();
        String id = payout.data("requestPayout.transfer.id").asString();

        GraphQlSocket.Queued updates = socket(payer, Protocol.TRANSPORT_WS)
                .subscribe(ClientOperations.document("TransferUpdated"), Map.of("id", id));
        List<JsonNode> states = new ArrayList<>();
        Event event;
        while ((event = updates.next(Duration.ofSeconds(30))) instanceof Event.Next next) {
            states.add(next.payload().path("data").path("transferUpdated"));
        }
        assertThat(event).as("the subscription completes after the final status").isInstanceOf(Event.Complete.class);
        assertThat(states).isNotEmpty().allSatisfy(state -> assertThat(state.path("id").asString()).isEqualTo(id));
        JsonNode last = states.getLast();
        assertThat(last.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(last.path("history")).extracting(change -> change.path("status").asString())
                .endsWith("PROVIDER_PROCESSING", "COMPLETED");
    }

    @Test
    void aUserCannotSubscribeToAnotherUsersWallet() throws Exception {
        Customer owner = customer("Owner", "0.00");
        Customer snoop = customer("Snoop", "0.00");
        GraphQlSocket socket = socket(snoop.token(), Protocol.TRANSPORT_WS);

        GraphQlSocket.Queued refused = socket.subscribe(ClientOperations.document("BalanceUpdated"),
                Map.of("walletId", owner.walletId()));

        Event event = refused.next(Duration.ofSeconds(10));
        assertThat(event).isInstanceOfAny(Event.Error.class, Event.Next.class);
        JsonNode errors = event instanceof Event.Error error ? error.errors() : ((Event.Next) event).payload().path("errors");
        assertThat(errors.toString()).contains("FORBIDDEN");
    }

    @Test
    void aRefusedTokenInConnectionInitClosesTheSocketWith4403() {
        var connecting = GraphQlSocket.connect(HTTP, gatewaySocket(), Protocol.TRANSPORT_WS,
                GraphQlSocket.bearer("not.a.token"));

        assertThat(connecting).failsWithin(Duration.ofSeconds(10)).withThrowableThat()
                .havingRootCause().isInstanceOfSatisfying(GraphQlSocket.ClosedException.class,
                        closed -> assertThat(closed.closed().code()).isEqualTo(4403));
    }

    @Test
    void rateTicksArriveOverTheLegacyProtocolToo() throws Exception {
        for (Protocol protocol : Protocol.values()) {
            GraphQlSocket socket = socket(null, protocol);
            GraphQlSocket.Queued rates = socket.subscribe(ClientOperations.document("RateUpdated"),
                    Map.of("pairs", List.of("BTC/USD", "USD/NGN")));
            List<String> pairs = new ArrayList<>();
            while (pairs.size() < 4) {
                Event event = rates.next(SETTLING);
                assertThat(event).as(protocol + ": a rate tick").isInstanceOf(Event.Next.class);
                JsonNode rate = ((Event.Next) event).payload().path("data").path("rateUpdated");
                assertThat(new BigDecimal(rate.path("price").asString())).isPositive();
                pairs.add(rate.path("pair").asString());
            }
            assertThat(pairs).contains("BTC/USD", "USD/NGN");
            rates.complete();
        }
    }

    @Test
    void whenTheSubgraphRestartsSubscribersAreToldAndCanSubscribeAgain() throws Exception {
        GraphQlSocket socket = socket(null, Protocol.TRANSPORT_WS);
        GraphQlSocket.Queued rates = socket.subscribe(ClientOperations.document("RateUpdated"),
                Map.of("pairs", List.of("ETH/USD")));
        assertThat(rates.next(SETTLING)).isInstanceOf(Event.Next.class);

        List<Event> whileDown = new ArrayList<>();
        stack.restart("markets", () -> {
            try {
                Event event;
                while ((event = rates.next(Duration.ofSeconds(10))) instanceof Event.Next) {
                    // ticks already on their way before markets stopped
                }
                whileDown.add(event);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(whileDown).singleElement().as("an error or completion instead of silence")
                .isInstanceOfAny(Event.Error.class, Event.Complete.class);
        assertThat(socket.closed()).as("the client's socket stays open").isNotDone();

        GraphQlSocket.Queued again = socket.subscribe(ClientOperations.document("RateUpdated"),
                Map.of("pairs", List.of("ETH/USD")));
        assertThat(again.next(SETTLING)).isInstanceOf(Event.Next.class);
    }

    @Test
    void aTradeConvertsBetweenTheUsersWalletsAtTheQuotedRateAndBothWalletsAnnounceIt() throws Exception {
        Customer trader = customer("Trader", "200.00");
        String ngnWallet = client.call("OpenWallet", Map.of("currency", "NGN"), trader.token()).orThrow()
                .data("openWallet.wallet.id").asString();
        GraphQlSocket socket = socket(trader.token(), Protocol.TRANSPORT_WS);
        GraphQlSocket.Queued ngnUpdates = socket.subscribe(ClientOperations.document("BalanceUpdated"),
                Map.of("walletId", ngnWallet));

        JsonNode quote = client.call("CreateQuote", Map.of("input", Map.of("fromCurrency", "USD", "toCurrency", "NGN",
                "amount", "100.00")), trader.token()).orThrow().data("createQuote.quote");
        BigDecimal buy = new BigDecimal(quote.path("buy").path("amount").asString());
        BigDecimal fee = new BigDecimal(quote.path("fee").path("amount").asString());
        assertThat(buy).isPositive();
        String key = "trade-" + UUID.randomUUID();
        Response executed = client.call("ExecuteTrade", Map.of("quoteId", quote.path("id").asString(),
                "idempotencyKey", key), trader.token()).orThrow();
        assertThat(executed.data("executeTrade.userErrors").isEmpty()).as(executed.body().toString()).isTrue();
        JsonNode trade = executed.data("executeTrade.trade");
        assertThat(trade.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(trade.path("transfers")).hasSize(2).allSatisfy(leg ->
                assertThat(leg.path("kind").asString()).isEqualTo("TRADE"));

        // Exactly once: the same call again is the same trade, and the money moved once.
        Response replay = client.call("ExecuteTrade", Map.of("quoteId", quote.path("id").asString(),
                "idempotencyKey", key), trader.token()).orThrow();
        assertThat(replay.data("executeTrade.trade.id").asString()).isEqualTo(trade.path("id").asString());
        Map<String, BigDecimal> balances = balances(trader.token());
        assertThat(balances.get("USD")).isEqualByComparingTo(new BigDecimal("100.00").subtract(fee));
        assertThat(balances.get("NGN")).isEqualByComparingTo(buy);

        Event event = ngnUpdates.next(Duration.ofSeconds(5));
        if (event != null) { // the subscription may have been taken after the trade committed: live only
            JsonNode update = ((Event.Next) event).payload().path("data").path("balanceUpdated");
            assertThat(new BigDecimal(update.path("balance").path("amount").asString())).isEqualByComparingTo(buy);
        }
        JsonNode history = client.call("Trades", Map.of("first", 5), trader.token()).orThrow().data("trades.edges");
        assertThat(history).hasSize(1);
        assertThat(history.get(0).path("node").path("id").asString()).isEqualTo(trade.path("id").asString());
    }

    @Test
    void rateTicksStreamOverServerSentEvents() throws Exception {
        var request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl()))
                .header("Content-Type", "application/json")
                .header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":"
                        + JSON
                                .writeValueAsString(ClientOperations.document("RateUpdated"))
                        + ",\"variables\":{\"pairs\":[\"SOL/USDT\"]}}"))
                .build();
        var response = HTTP.send(request, HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");
        try (var lines = response.body()) {
            List<String> events = lines.filter(line -> line.startsWith("event:") || line.startsWith("data:"))
                    .limit(4).toList();
            assertThat(events.get(0)).isEqualTo("event: next");
            assertThat(events.get(1)).contains("\"pair\":\"SOL/USDT\"");
            assertThat(events.get(2)).isEqualTo("event: next");
        }
    }

    // ---------------------------------------------------------------- helpers

    /** A new user with a USD wallet holding {@code funds} (from the demo bank). */
    private static Customer customer(String name, String funds) {
        String email = name.toLowerCase() + "-" + UUID.randomUUID() + "@example.com";
        String displayName = name + " " + email.substring(email.indexOf('-') + 1, email.indexOf('-') + 7);
        String token = client.call("Register", Map.of("input", Map.of("email", email, "password", "correct horse battery",
                "displayName", displayName)), null).orThrow().data("register.session.accessToken").asString();
        String walletId = client.call("OpenWallet", Map.of("currency", "USD"), token).orThrow()
                .data("openWallet.wallet.id").asString();
        if (new BigDecimal(funds).signum() > 0) {
            Response deposit = client.call("Deposit", Map.of("input", Map.of("walletId", walletId, "amount", funds,
                    "idempotencyKey", "fund-" + email)), token).orThrow();
            assertThat(deposit.data("deposit.userErrors").isEmpty()).isTrue();
        }
        return new Customer(token, walletId, displayName);
    }

    private static JsonNode send(Customer from, Customer to, String amount, String key) {
        Response sent = client.call("SendMoney", Map.of("input", Map.of("fromWalletId", from.walletId(),
                "toWalletId", to.walletId(), "amount", amount, "idempotencyKey", key)), from.token()).orThrow();
        assertThat(sent.data("sendMoney.userErrors").isEmpty()).as(sent.body().toString()).isTrue();
        return sent.data("sendMoney.transfer");
    }

    private static Map<String, BigDecimal> balances(String token) {
        Map<String, BigDecimal> balances = new HashMap<>();
        client.call("MyWallets", Map.of(), token).orThrow().data("me.wallets").forEach(wallet -> balances.put(
                wallet.path("currency").asString(), new BigDecimal(wallet.path("balance").path("amount").asString())));
        return balances;
    }

    private static GraphQlSocket.Queued balanceUpdates(Customer customer) throws Exception {
        return socket(customer.token(), Protocol.TRANSPORT_WS).subscribe(ClientOperations.document("BalanceUpdated"),
                Map.of("walletId", customer.walletId()));
    }

    /**
     * Subscriptions are live only, and the client cannot see when the subgraph has taken one: small transfers from
     * {@code payer} to {@code payee} until every queue has had an event, then the queues are drained.
     */
    private static void settle(Customer payer, Customer payee, GraphQlSocket.Queued... queues) throws Exception {
        long deadline = System.nanoTime() + SETTLING.toNanos();
        boolean[] seen = new boolean[queues.length];
        while (!allTrue(seen)) {
            assertThat(System.nanoTime()).as("subscriptions in place within " + SETTLING).isLessThan(deadline);
            send(payer, payee, "0.01", "settle-" + UUID.randomUUID());
            for (int i = 0; i < queues.length; i++) {
                while (true) {
                    Event event = queues[i].next(seen[i] ? Duration.ofMillis(300) : Duration.ofMillis(500));
                    if (event == null) {
                        break;
                    }
                    assertThat(event).as("settling").isInstanceOf(Event.Next.class);
                    seen[i] = true;
                }
            }
        }
        for (GraphQlSocket.Queued queue : queues) {
            while (queue.next(Duration.ofMillis(300)) != null) {
                // events of the last settling transfers
            }
        }
    }

    private static boolean allTrue(boolean[] values) {
        for (boolean value : values) {
            if (!value) {
                return false;
            }
        }
        return true;
    }

    /** The next balance update (skipping a second one for the same transfer, e.g. amount and fee posted apart). */
    private static JsonNode nextUpdate(GraphQlSocket.Queued updates, Duration within) throws Exception {
        Event event = updates.next(within);
        assertThat(event).as("a balance update within " + within).isInstanceOf(Event.Next.class);
        JsonNode payload = ((Event.Next) event).payload();
        assertThat(payload.path("errors").isMissingNode()).as(payload.toString()).isTrue();
        JsonNode update = payload.path("data").path("balanceUpdated");
        Event more;
        while ((more = updates.next(Duration.ofMillis(200))) instanceof Event.Next next) {
            update = next.payload().path("data").path("balanceUpdated");
        }
        assertThat(more).isNull();
        return update;
    }

    private static GraphQlSocket socket(String token, Protocol protocol) throws Exception {
        GraphQlSocket socket = GraphQlSocket.connect(HTTP, gatewaySocket(), protocol, GraphQlSocket.bearer(token))
                .get(10, TimeUnit.SECONDS);
        SOCKETS.add(socket);
        return socket;
    }

    private static URI gatewaySocket() {
        return URI.create("ws://localhost:" + stack.port("gateway") + "/graphql");
    }
}
