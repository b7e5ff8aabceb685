package com.ventusvault.payments.graphql;

import static com.ventusvault.payments.graphql.PaymentsTestServer.newUser;
import static org.assertj.core.api.Assertions.assertThat;

import com.ventusvault.payments.graphql.PaymentsTestServer.User;
import com.ventusvault.platform.security.ServiceSignature;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /internal/trades}: a trade markets signs is posted once, as two TRADE transfers balanced in each
 * currency through FX liquidity; repetitions get the first answer byte for byte; unsigned, tampered, malformed and
 * conflicting instructions change nothing.
 */
@PaymentsIntegrationTest
class TradesIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    DatabaseClient database;

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
        assertThat(failureOf(tooMuch)).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(failureOf(tooMuch)).isEqualTo("INSUFFICIENT_FUNDS");

        String expired = instruction(UUID.randomUUID(), UUID.randomUUID(), poor.id(), "1.00", "USD", "0.92", "EUR",
                "0.01", Instant.now().minusSeconds(1));
        assertThat(failureOf(expired)).isEqualTo("QUOTE_EXPIRED");

        String noWallet = instruction(UUID.randomUUID(), UUID.randomUUID(), poor.id(), "0.001", "BTC", "97.00", "USD",
                "0.00001", Instant.now().plusSeconds(30));
        assertThat(failureOf(noWallet)).isEqualTo("WALLET_NOT_FOUND");

        assertThat(PaymentsTestServer.balance(database, usd)).isEqualByComparingTo("5.00");
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

    // ---------------------------------------------------------------- helpers

    private static String instruction(UUID tradeId, UUID quoteId, UUID user, String sell, String sellCurrency, String buy,
                                      String buyCurrency, String fee, Instant expiresAt) {
        return JSON.writeValueAsString(Map.of("tradeId", tradeId.toString(), "quoteId", quoteId.toString(),
                "userId", user.toString(), "idempotencyKey", "key-" + tradeId,
                "sell", Map.of("amount", sell, "currency", sellCurrency),
                "buy", Map.of("amount", buy, "currency", buyCurrency),
                "fee", Map.of("amount", fee, "currency", sellCurrency),
                "rate", new BigDecimal(buy).divide(new BigDecimal(sell), java.math.MathContext.DECIMAL64).toPlainString(),
                "expiresAt", expiresAt.toString()));
    }

    private String failureOf(String body) {
        EntityExchangeResult<String> result = send(body).expectStatus().isOk().expectBody(String.class).returnResult();
        JsonNode answer = JSON.readTree(result.getResponseBody());
        assertThat(answer.path("status").asString()).isEqualTo("FAILED");
        return answer.path("failure").path("code").asString();
    }

    private WebTestClient.ResponseSpec send(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return post(bytes, signatures().sign(bytes));
    }

    private WebTestClient.ResponseSpec post(byte[] body, String signature) {
        WebTestClient.RequestBodySpec request = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build()
                .post().uri("/internal/trades").contentType(MediaType.APPLICATION_JSON);
        if (signature != null) {
            request = request.header(ServiceSignature.HEADER, signature);
        }
        return request.bodyValue(body).exchange();
    }

    private ServiceSignature signatures() {
        return new ServiceSignature(secret, Clock.systemUTC(), Duration.ofMinutes(5));
    }

    private long tradeTransfersOf(UUID user) {
        return database.sql("select count(*) from transfer where initiator_id = :user and kind = 'TRADE'")
                .bind("user", user).map(row -> row.get(0, Long.class)).one().block();
    }

    private void verifyLedgerIsClean() {
        Boolean clean = database.sql("select bool_and(balance = coalesce((select sum(amount) from journal_entry j "
                        + "where j.account_id = a.id), 0)) from ledger_account a")
                .map(row -> row.get(0, Boolean.class)).one().block();
        assertThat(clean).isTrue();
    }
}
