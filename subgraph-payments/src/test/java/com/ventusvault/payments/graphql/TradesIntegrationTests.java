package com.ventusvault.payments.graphql;

import static com.ventusvault.payments.graphql.PaymentsTestServer.newUser;
import static org.assertj.core.api.Assertions.assertThat;

import com.ventusvault.payments.graphql.PaymentsTestServer.User;
import com.ventusvault.payments.outbox.OutboxFanout;
import com.ventusvault.payments.persistence.LedgerVerification;
import com.ventusvault.payments.persistence.LedgerVerifier;
import com.ventusvault.platform.security.ServiceSignature;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /internal/trades}: a trade markets signs is posted once, as two TRADE transfers balanced in each
 * currency through FX liquidity (verifyLedger stays clean), whose balance changes reach both wallets' subscribers and
 * whose audit event is written; repetitions get the first answer byte for byte, refusals included; unsigned, tampered,
 * malformed and conflicting instructions change nothing. Expiry and signature age on payments' clock:
 * {@link TradeClockIntegrationTests}.
 */
@PaymentsIntegrationTest
class TradesIntegrationTests {

    private static final JsonMapper JSON = TradeInstructions.JSON;
    private static final String BALANCES = """
            subscription($walletId: ID!) { balanceUpdated(walletId: $walletId) {
              wallet { id currency } balance { amount } transfer { id kind amount { amount } fee { amount } } } }""";

    @LocalServerPort
    int port;

    @Autowired
    DatabaseClient database;

    @Autowired
    LedgerVerifier verifier;

    @Autowired
    OutboxFanout fanout;

    @Value("${ventus.internal.secret}")
    String secret;

    @Test
    void aTradeMovesBothWalletsOnceAndTheLedgerStaysBalancedInEachCurrency() throws Exception {
        User trader = newUser(port);
        String usd = trader.openWallet("USD");
        trader.deposit(usd, "100.00");
        BigDecimal fxUsd = PaymentsTestServer.systemBalance(database, "FX_LIQUIDITY", "USD");
        BigDecimal fxNgn = PaymentsTestServer.systemBalance(database, "FX_LIQUIDITY", "NGN");
        String body = instruction(UUID.randomUUID(), UUID.randomUUID(), trader.id(), "10.00", "USD", "15400.00", "NGN",
                "0.05", Instant.now().plusSeconds(30));

        String first = send(body).expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        JsonNode answer = JSON.readTree(first);
        assertThat(answer.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(answer.path("failure").isNull()).isTrue();

        assertThat(PaymentsTestServer.balance(database, usd)).isEqualByComparingTo("89.95");
        String ngn = database.sql("select id::text from ledger_account where owner_id = :user and currency = 'NGN'")
                .bind("user", trader.id()).map(row -> row.get(0, String.class)).one().block();
        assertThat(PaymentsTestServer.balance(database, ngn)).as("the NGN wallet, opened by the trade")
                .isEqualByComparingTo("15400.00");
        assertThat(PaymentsTestServer.systemBalance(database, "FX_LIQUIDITY", "USD")).isEqualByComparingTo(fxUsd.add(BigDecimal.TEN));
        assertThat(PaymentsTestServer.systemBalance(database, "FX_LIQUIDITY", "NGN"))
                .isEqualByComparingTo(fxNgn.subtract(new BigDecimal("15400.00")));

        // Repetitions, also concurrent ones, answer the same bytes and post nothing more.
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> repeats = pool.invokeAll(java.util.Collections.nCopies(6, (Callable<String>) () ->
                    send(body).expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody()));
            for (Future<String> repeat : repeats) {
                assertThat(repeat.get()).isEqualTo(first);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(PaymentsTestServer.balance(database, usd)).isEqualByComparingTo("89.95");
        assertThat(tradeTransfersOf(trader.id())).isEqualTo(2);
        verifyLedgerIsClean();
    }

    @Test
    void concurrentFirstInstructionsOfOneTradePostItOnce() throws Exception {
        User trader = newUser(port);
        String usd = trader.openWallet("USD");
        trader.deposit(usd, "50.00");
        String body = instruction(UUID.randomUUID(), UUID.randomUUID(), trader.id(), "20.00", "USD", "18.40", "EUR",
                "0.10", Instant.now().plusSeconds(30));

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> answers = pool.invokeAll(java.util.Collections.nCopies(8, (Callable<String>) () ->
                    send(body).expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody()));
            String first = answers.getFirst().get();
            for (Future<String> answer : answers) {
                assertThat(answer.get()).isEqualTo(first);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(PaymentsTestServer.balance(database, usd)).isEqualByComparingTo("29.90");
        assertThat(tradeTransfersOf(trader.id())).isEqualTo(2);
    }

    @Test
    void refusalsAreAnsweredAndRecordedWithoutMovingMoney() {
        User poor = newUser(port);
        String usd = poor.openWallet("USD");
        poor.deposit(usd, "5.00");
        String tooMuch = instruction(UUID.randomUUID(), UUID.randomUUID(), poor.id(), "5.00", "USD", "4.60", "EUR",
                "0.03", Instant.now().plusSeconds(30));
        String refused = send(tooMuch).expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(JSON.readTree(refused).path("failure").path("code").asString()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(PaymentsTestServer.walletsOf(database, poor.id())).as("no EUR wallet opened for a refused trade")
                .isEqualTo(1);
        poor.deposit(usd, "100.00");
        assertThat(send(tooMuch).expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody())
                .as("the recorded answer, even once the wallet could pay").isEqualTo(refused);

        String expired = instruction(UUID.randomUUID(), UUID.randomUUID(), poor.id(), "1.00", "USD", "0.92", "EUR",
                "0.01", Instant.now().minusSeconds(1));
        assertThat(failureOf(expired)).isEqualTo("QUOTE_EXPIRED");

        String noWallet = instruction(UUID.randomUUID(), UUID.randomUUID(), poor.id(), "0.001", "BTC", "97.00", "USD",
                "0.00001", Instant.now().plusSeconds(30));
        assertThat(failureOf(noWallet)).isEqualTo("WALLET_NOT_FOUND");

        assertThat(PaymentsTestServer.balance(database, usd)).isEqualByComparingTo("105.00");
        assertThat(tradeTransfersOf(poor.id())).isZero();
        assertThat(PaymentsTestServer.walletsOf(database, poor.id())).as("no EUR wallet opened for a refused trade")
                .isEqualTo(1);
    }

    @Test
    void unsignedTamperedMalformedAndConflictingInstructionsChangeNothing() {
        User trader = newUser(port);
        String usd = trader.openWallet("USD");
        trader.deposit(usd, "10.00");
        UUID tradeId = UUID.randomUUID();
        UUID quoteId = UUID.randomUUID();
        String body = instruction(tradeId, quoteId, trader.id(), "1.00", "USD", "0.92", "EUR", "0.01",
                Instant.now().plusSeconds(30));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);

        post(bytes, null).expectStatus().isUnauthorized();
        post(bytes, new ServiceSignature(secret.replace('e', 'x'), Clock.systemUTC(), Duration.ofMinutes(5)).sign(bytes))
                .expectStatus().isUnauthorized();
        String signature = signatures().sign(bytes);
        byte[] tampered = body.replace("\"0.92\"", "\"9.20\"").getBytes(StandardCharsets.UTF_8);
        post(tampered, signature).expectStatus().isUnauthorized();
        send(body.replace("\"USD\"", "\"XYZ\"")).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.code").isEqualTo("BAD_REQUEST").jsonPath("$.message").value(message ->
                        assertThat(message.toString()).contains("XYZ"));
        send("not json").expectStatus().isBadRequest();
        assertThat(PaymentsTestServer.balance(database, usd)).isEqualByComparingTo("10.00");

        send(body).expectStatus().isOk();
        send(instruction(tradeId, quoteId, trader.id(), "1.00", "USD", "0.99", "EUR", "0.01",
                Instant.now().plusSeconds(30))).expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.code").isEqualTo("TRADE_MISMATCH");
        send(instruction(UUID.randomUUID(), quoteId, trader.id(), "1.00", "USD", "0.92", "EUR", "0.01",
                Instant.now().plusSeconds(30))).expectStatus().isEqualTo(409);
        assertThat(PaymentsTestServer.balance(database, usd)).isEqualByComparingTo("8.99");
    }

    @Test
    void aTradeSendsBothWalletsBalancesToTheirSubscribersAndRecordsAnAuditEvent() throws Exception {
        User trader = newUser(port);
        String usd = trader.openWallet("USD");
        String gbp = trader.openWallet("GBP");
        trader.deposit(usd, "30.00");
        UUID tradeId = UUID.randomUUID();

        try (SubscriberSockets sockets = new SubscriberSockets(port, fanout)) {
            var sold = sockets.subscribe(trader.token(), BALANCES, Map.of("walletId", usd));
            var bought = sockets.subscribe(trader.token(), BALANCES, Map.of("walletId", gbp));
            JsonNode answer = JSON.readTree(send(instruction(tradeId, UUID.randomUUID(), trader.id(), "10.00", "USD",
                    "7.90", "GBP", "0.05", Instant.now().plusSeconds(30))).expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody());
            assertThat(answer.path("status").asString()).isEqualTo("COMPLETED");

            Map<String, Object> usdUpdate = SubscriberSockets.next(sold, "balanceUpdated", Duration.ofSeconds(1));
            assertThat(usdUpdate.get("balance")).isEqualTo(Map.of("amount", "19.95"));
            assertThat(usdUpdate.get("transfer")).isEqualTo(Map.of("id", answer.path("sellTransferId").asString(),
                    "kind", "TRADE", "amount", Map.of("amount", "10.00"), "fee", Map.of("amount", "0.05")));
            Map<String, Object> gbpUpdate = SubscriberSockets.next(bought, "balanceUpdated", Duration.ofSeconds(1));
            assertThat(gbpUpdate.get("balance")).isEqualTo(Map.of("amount", "7.90"));
            assertThat(gbpUpdate.get("transfer")).isEqualTo(Map.of("id", answer.path("buyTransferId").asString(),
                    "kind", "TRADE", "amount", Map.of("amount", "7.90"), "fee", Map.of("amount", "0.00")));
        }

        List<String> audits = database.sql("select payload->>'action' || ' by ' || (payload->>'actorId') from outbox_event "
                        + "where event_type = 'AuditRecorded' and aggregate_id = :target")
                .bind("target", "trade:" + tradeId).map(row -> row.get(0, String.class)).all().collectList().block();
        assertThat(audits).containsExactly("payments.trade.executed by " + trader.id());
        verifyLedgerIsClean();
    }

    @Test
    @SuppressWarnings("unchecked")
    void malformedInstructionsAreBadRequestsAndStoreNothing() {
        User trader = newUser(port);
        String usd = trader.openWallet("USD");
        trader.deposit(usd, "10.00");
        Map<String, Consumer<Map<String, Object>>> breakages = new LinkedHashMap<>();
        breakages.put("fee in the buy currency", fields -> fee(fields).put("currency", "EUR"));
        breakages.put("the same currency twice", fields -> ((Map<String, Object>) fields.get("buy")).put("currency", "USD"));
        breakages.put("finer than cents", fields -> ((Map<String, Object>) fields.get("sell")).put("amount", "1.001"));
        breakages.put("nothing sold", fields -> ((Map<String, Object>) fields.get("sell")).put("amount", "0.00"));
        breakages.put("a negative buy", fields -> ((Map<String, Object>) fields.get("buy")).put("amount", "-0.92"));
        breakages.put("a number, not a string", fields -> ((Map<String, Object>) fields.get("sell")).put("amount", 1));
        breakages.put("no trade id", fields -> fields.remove("tradeId"));
        breakages.put("no expiry time", fields -> fields.put("expiresAt", "in 30 seconds"));

        breakages.forEach((what, breakage) -> {
            UUID tradeId = UUID.randomUUID();
            Map<String, Object> fields = TradeInstructions.fields(tradeId, UUID.randomUUID(), trader.id(), "1.00", "USD",
                    "0.92", "EUR", "0.01", Instant.now().plusSeconds(30));
            breakage.accept(fields);
            send(JSON.writeValueAsString(fields)).expectStatus().isBadRequest().expectBody()
                    .jsonPath("$.code").isEqualTo("BAD_REQUEST");
            assertThat(storedTrades(tradeId)).as(what).isZero();
        });
        assertThat(PaymentsTestServer.balance(database, usd)).isEqualByComparingTo("10.00");
        assertThat(tradeTransfersOf(trader.id())).isZero();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> fee(Map<String, Object> fields) {
        return (Map<String, Object>) fields.get("fee");
    }

    // ---------------------------------------------------------------- helpers

    private static String instruction(UUID tradeId, UUID quoteId, UUID user, String sell, String sellCurrency, String buy,
                                      String buyCurrency, String fee, Instant expiresAt) {
        return TradeInstructions.instruction(tradeId, quoteId, user, sell, sellCurrency, buy, buyCurrency, fee, expiresAt);
    }

    private String failureOf(String body) {
        EntityExchangeResult<String> result = send(body).expectStatus().isOk().expectBody(String.class).returnResult();
        JsonNode answer = JSON.readTree(result.getResponseBody());
        assertThat(answer.path("status").asString()).isEqualTo("FAILED");
        return answer.path("failure").path("code").asString();
    }

    private WebTestClient.ResponseSpec send(String body) {
        return TradeInstructions.send(port, body, signatures());
    }

    private WebTestClient.ResponseSpec post(byte[] body, String signature) {
        return TradeInstructions.post(port, body, signature);
    }

    private ServiceSignature signatures() {
        return new ServiceSignature(secret, Clock.systemUTC(), Duration.ofMinutes(5));
    }

    private long tradeTransfersOf(UUID user) {
        return database.sql("select count(*) from transfer where initiator_id = :user and kind = 'TRADE'")
                .bind("user", user).map(row -> row.get(0, Long.class)).one().block();
    }

    private long storedTrades(UUID tradeId) {
        return database.sql("select count(*) from fx_trade where trade_id = :id").bind("id", tradeId)
                .map(row -> row.get(0, Long.class)).one().block();
    }

    /** verifyLedger's check: every cached balance and held equals its journal and holds, every currency sums to zero. */
    private void verifyLedgerIsClean() {
        LedgerVerification report = verifier.verify().block();
        assertThat(report.differences()).isEmpty();
        assertThat(report.unbalancedTransfers()).isEmpty();
        assertThat(report.clean()).isTrue();
        assertThat(report.totals()).isNotEmpty().allSatisfy(totals ->
                assertThat(totals.sum()).as("sum of " + totals.currency()).isEqualByComparingTo(BigDecimal.ZERO));
    }
}
