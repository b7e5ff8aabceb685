package com.ventusvault.markets.trading;

import static org.assertj.core.api.Assertions.assertThat;

import com.ventusvault.markets.MarketsApplication;
import com.ventusvault.platform.security.ServiceSignature;
import com.ventusvault.platform.testing.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Markets' side of the {@code /internal/trades} contract against {@link PaymentsStandIn}: the instruction is signed
 * over its exact bytes and carries the quoted terms; a trade is posted once whatever is raced or repeated; when the
 * ledger does not answer (5xx, down, too slow) the trade stays INITIATED, the client is told PAYMENTS_UNAVAILABLE, and
 * the same key resumes it; the ledger's answer is recorded and replayed without asking again.
 */
@SpringBootTest(classes = MarketsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=markets",
        "ventus.markets.tick-interval=200ms",
        "ventus.markets.seed=11",
        "ventus.markets.trading.payments-timeout=1s",
        // The background re-drive is tested in TradingIntegrationTests; here only the client's calls ask payments.
        "ventus.markets.trading.resume-after=1h",
        "ventus.internal.secret=" + TradeExecutionIntegrationTests.SECRET})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class TradeExecutionIntegrationTests {

    static final String SECRET = "a-test-secret-shared-with-the-payments-stand-in";
    private static final TestTokens TOKENS = TestTokens.start();
    private static final PaymentsStandIn PAYMENTS = PaymentsStandIn.start(SECRET);

    private static final String EXECUTE = """
            mutation($quoteId: ID!, $key: String!) { executeTrade(quoteId: $quoteId, idempotencyKey: $key) {
              trade { id status quote { id } transfers { id } failure { code message } } userErrors { code message field } } }""";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void wire(DynamicPropertyRegistry registry) {
        registry.add("ventus.auth.jwks-uri", TOKENS::jwksUri);
        registry.add("ventus.markets.trading.payments-url", PAYMENTS::url);
    }

    @AfterAll
    static void stop() {
        PAYMENTS.close();
        TOKENS.close();
    }

    @BeforeEach
    void answerAtOnce() {
        PAYMENTS.reset();
    }

    @Test
    void theInstructionIsSignedOverItsExactBytesAndCarriesTheQuotedTerms() {
        UUID user = UUID.randomUUID();
        HttpGraphQlTester trader = trader(user);
        Map<?, ?> quote = createQuote(trader, "BTC", "USD", "0.01");

        Map<?, ?> trade = trade(execute(trader, (String) quote.get("id"), "signed-1"));

        assertThat(trade.get("status")).isEqualTo("COMPLETED");
        List<PaymentsStandIn.Received> requests = PAYMENTS.receivedFor((String) trade.get("id"));
        assertThat(requests).hasSize(1);
        PaymentsStandIn.Received request = requests.getFirst();
        assertThat(request.contentType()).startsWith("application/json");
        ServiceSignature signatures = new ServiceSignature(SECRET, Clock.systemUTC(), Duration.ofMinutes(5));
        assertThat(signatures.verify(request.signature(), request.body())).isTrue();
        byte[] tampered = new String(request.body(), StandardCharsets.UTF_8).replace("0.01000000", "0.00100000")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(signatures.verify(request.signature(), tampered)).as("the signature covers the amounts").isFalse();

        assertThat(new String(request.body(), StandardCharsets.UTF_8)).as("the contract's field order")
                .startsWith("{\"tradeId\":\"" + trade.get("id") + "\",\"quoteId\":")
                .contains(",\"sell\":{\"amount\":\"0.01000000\",\"currency\":\"BTC\"},\"buy\":{\"amount\":")
                .contains(",\"fee\":{\"amount\":\"0.00005000\",\"currency\":\"BTC\"},\"rate\":");
        JsonNode body = request.json();
        assertThat(body.path("tradeId").asString()).isEqualTo(trade.get("id"));
        assertThat(body.path("quoteId").asString()).isEqualTo(quote.get("id"));
        assertThat(body.path("userId").asString()).isEqualTo(user.toString());
        assertThat(body.path("idempotencyKey").asString()).isEqualTo("signed-1");
        assertThat(body.path("sell").path("amount").asString()).as("at BTC's scale").isEqualTo("0.01000000");
        assertThat(body.path("sell").path("currency").asString()).isEqualTo("BTC");
        assertThat(body.path("buy").path("amount").asString()).isEqualTo(((Map<?, ?>) quote.get("buy")).get("amount"));
        assertThat(body.path("buy").path("currency").asString()).isEqualTo("USD");
        assertThat(body.path("fee").path("amount").asString()).as("0.5%, in BTC").isEqualTo("0.00005000");
        assertThat(body.path("fee").path("currency").asString()).isEqualTo("BTC");
        assertThat(body.path("rate").asString()).isEqualTo(quote.get("rate"));
        assertThat(body.path("expiresAt").asString()).isEqualTo(quote.get("expiresAt"));

        JsonNode answer = PAYMENTS.answerFor((String) trade.get("id"));
        assertThat(trade.get("transfers")).as("sell leg, then buy leg").isEqualTo(List.of(
                Map.of("id", answer.path("sellTransferId").asString()),
                Map.of("id", answer.path("buyTransferId").asString())));
        assertThat(((Map<?, ?>) trade.get("quote")).get("id")).isEqualTo(quote.get("id"));
    }

    @Test
    void twoConcurrentCallsWithOneKeyPostOnceAndAgreeOnTheTrade() throws Exception {
        HttpGraphQlTester trader = trader(UUID.randomUUID());
        String quoteId = (String) createQuote(trader, "USD", "EUR", "25.00").get("id");
        // Both calls are in flight together: the first answer takes a while.
        PAYMENTS.answerLate(Duration.ofMillis(300));

        List<Map<String, Object>> payloads = race(() -> execute(trader, quoteId, "race-1"),
                () -> execute(trader, quoteId, "race-1"));

        Map<?, ?> first = trade(payloads.get(0));
        Map<?, ?> second = trade(payloads.get(1));
        assertThat(first.get("id")).isEqualTo(second.get("id"));
        assertThat(first.get("status")).isEqualTo("COMPLETED");
        assertThat(second.get("transfers")).isEqualTo(first.get("transfers"));
        assertThat(postingsFor(quoteId)).isEqualTo(1);
    }

    @Test
    void twoConcurrentCallsWithDifferentKeysPostOnceAndTheOtherIsAlreadyExecuted() throws Exception {
        HttpGraphQlTester trader = trader(UUID.randomUUID());
        String quoteId = (String) createQuote(trader, "USD", "GBP", "25.00").get("id");
        PAYMENTS.answerLate(Duration.ofMillis(300));

        List<Map<String, Object>> payloads = race(() -> execute(trader, quoteId, "key-a"),
                () -> execute(trader, quoteId, "key-b"));

        List<String> outcomes = payloads.stream().map(payload -> ((List<?>) payload.get("userErrors")).isEmpty()
                ? (String) ((Map<?, ?>) payload.get("trade")).get("status")
                : (String) ((Map<?, ?>) ((List<?>) payload.get("userErrors")).getFirst()).get("code")).toList();
        assertThat(outcomes).containsExactlyInAnyOrder("COMPLETED", "QUOTE_ALREADY_EXECUTED");
        assertThat(postingsFor(quoteId)).isEqualTo(1);
    }

    @Test
    void aLostAnswerLeavesTheTradeInitiatedAndTheSameKeyResumesItWithoutPostingAgain() {
        HttpGraphQlTester trader = trader(UUID.randomUUID());
        String quoteId = (String) createQuote(trader, "ETH", "USDC", "0.5").get("id");
        // Payments posts the trade but answers after markets stopped waiting (payments-timeout 1 s).
        PAYMENTS.answerLate(Duration.ofMillis(2_500));

        Map<String, Object> lost = execute(trader, quoteId, "lost-1");

        assertThat(errorCode(lost)).isEqualTo("PAYMENTS_UNAVAILABLE");
        Map<?, ?> pending = trade(lost);
        assertThat(pending.get("status")).isEqualTo("INITIATED");
        assertThat(pending.get("transfers")).isEqualTo(List.of());
        assertThat(status(trader, (String) pending.get("id"))).isEqualTo("INITIATED");
        assertThat(postingsFor(quoteId)).as("payments did post it").isEqualTo(1);

        PAYMENTS.reset();
        Map<?, ?> resumed = trade(execute(trader, quoteId, "lost-1"));

        assertThat(resumed.get("id")).isEqualTo(pending.get("id"));
        assertThat(resumed.get("status")).isEqualTo("COMPLETED");
        JsonNode answer = PAYMENTS.answerFor((String) resumed.get("id"));
        assertThat(resumed.get("transfers")).as("the legs of the first posting").isEqualTo(List.of(
                Map.of("id", answer.path("sellTransferId").asString()),
                Map.of("id", answer.path("buyTransferId").asString())));
        assertThat(PAYMENTS.receivedFor((String) resumed.get("id"))).hasSize(2);
        assertThat(postingsFor(quoteId)).isEqualTo(1);
    }

    @Test
    void aServerErrorOrALedgerThatIsDownIsPaymentsUnavailableUntilTheSameKeyGetsThrough() {
        HttpGraphQlTester trader = trader(UUID.randomUUID());
        String quoteId = (String) createQuote(trader, "SOL", "NGN", "1.5").get("id");

        PAYMENTS.behave(PaymentsStandIn.Behaviour.SERVER_ERROR);
        Map<String, Object> failing = execute(trader, quoteId, "down-1");
        assertThat(errorCode(failing)).isEqualTo("PAYMENTS_UNAVAILABLE");
        String tradeId = (String) trade(failing).get("id");
        assertThat(trade(failing).get("status")).isEqualTo("INITIATED");

        PAYMENTS.goDown();
        try {
            Map<String, Object> down = execute(trader, quoteId, "down-1");
            assertThat(errorCode(down)).isEqualTo("PAYMENTS_UNAVAILABLE");
            assertThat(trade(down).get("id")).isEqualTo(tradeId);
        } finally {
            PAYMENTS.resume();
        }
        assertThat(postingsFor(quoteId)).isZero();

        PAYMENTS.reset();
        Map<?, ?> done = trade(execute(trader, quoteId, "down-1"));
        assertThat(done.get("id")).isEqualTo(tradeId);
        assertThat(done.get("status")).isEqualTo("COMPLETED");
        assertThat(postingsFor(quoteId)).isEqualTo(1);
    }

    @Test
    void theLedgersRefusalIsRecordedAndTheSameKeyGetsItAgainWithoutAsking() {
        HttpGraphQlTester trader = trader(UUID.randomUUID());
        String quoteId = (String) createQuote(trader, "USDT", "BTC", "500").get("id");
        PAYMENTS.behave(PaymentsStandIn.Behaviour.INSUFFICIENT_FUNDS);

        Map<String, Object> refused = execute(trader, quoteId, "poor-1");

        assertThat(errorCode(refused)).isEqualTo("INSUFFICIENT_FUNDS");
        Map<?, ?> failed = trade(refused);
        assertThat(failed.get("status")).isEqualTo("FAILED");
        assertThat(((Map<?, ?>) failed.get("failure")).get("code")).isEqualTo("INSUFFICIENT_FUNDS");

        PAYMENTS.reset();
        Map<String, Object> again = execute(trader, quoteId, "poor-1");
        assertThat(errorCode(again)).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(trade(again).get("id")).isEqualTo(failed.get("id"));
        assertThat(PAYMENTS.receivedFor((String) failed.get("id"))).as("answered trades are not asked about").hasSize(1);
        assertThat(errorCode(execute(trader, quoteId, "poor-2"))).as("the quote is spent")
                .isEqualTo("QUOTE_ALREADY_EXECUTED");
    }

    @Test
    void paymentsClockDecidesWhetherTheQuoteHasExpired() {
        HttpGraphQlTester trader = trader(UUID.randomUUID());
        String quoteId = (String) createQuote(trader, "GBP", "EUR", "10.00").get("id");
        PAYMENTS.clockAhead(Duration.ofMinutes(1));

        Map<String, Object> late = execute(trader, quoteId, "late-1");

        assertThat(errorCode(late)).isEqualTo("QUOTE_EXPIRED");
        assertThat(trade(late).get("status")).isEqualTo("FAILED");
        assertThat(postingsFor(quoteId)).as("the refusal is recorded by payments").isEqualTo(1);
    }

    @Test
    void aKeyReusedForAnotherQuoteIsRefusedBeforeAskingPayments() {
        HttpGraphQlTester trader = trader(UUID.randomUUID());
        String first = (String) createQuote(trader, "USD", "SOL", "50.00").get("id");
        String second = (String) createQuote(trader, "USD", "SOL", "60.00").get("id");
        assertThat(trade(execute(trader, first, "once")).get("status")).isEqualTo("COMPLETED");

        Map<String, Object> reused = execute(trader, second, "once");

        assertThat(errorCode(reused)).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(((List<?>) reused.get("userErrors")).getFirst()).extracting("field").isEqualTo(List.of("idempotencyKey"));
        assertThat(postingsFor(second)).isZero();
    }

    @Test
    void historyIsTheOwnersOwnNewestFirstInPagesWithOpaqueCursors() {
        UUID user = UUID.randomUUID();
        HttpGraphQlTester trader = trader(user);
        List<String> made = new java.util.ArrayList<>();
        for (String amount : List.of("1.00", "2.00", "3.00")) {
            String quoteId = (String) createQuote(trader, "USD", "EUR", amount).get("id");
            made.addFirst((String) trade(execute(trader, quoteId, "history-" + amount)).get("id"));
        }
        String page = "query($after: String) { trades(first: 2, after: $after) { edges { cursor node { id } } "
                + "pageInfo { hasNextPage hasPreviousPage endCursor } } }";

        var first = trader.document(page).execute();
        List<String> firstIds = first.path("trades.edges[*].node.id").entityList(String.class).get();
        first.path("trades.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        String cursor = first.path("trades.pageInfo.endCursor").entity(String.class).get();
        assertThat(cursor).as("opaque").doesNotContain(firstIds.get(1));
        var second = trader.document(page).variable("after", cursor).execute();
        List<String> secondIds = second.path("trades.edges[*].node.id").entityList(String.class).get();
        second.path("trades.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);

        assertThat(java.util.stream.Stream.concat(firstIds.stream(), secondIds.stream()).toList()).isEqualTo(made);

        trader.document("{ trades(first: 101) { edges { cursor } } }").execute().errors()
                .expect(error -> "BAD_REQUEST".equals(error.getExtensions().get("code"))).verify();
        trader.document("{ trades(first: 0) { edges { cursor } } }").execute().errors()
                .expect(error -> "BAD_REQUEST".equals(error.getExtensions().get("code"))).verify();
        trader.document("{ trades(first: 2, after: \"not-a-cursor\") { edges { cursor } } }").execute().errors()
                .expect(error -> "BAD_REQUEST".equals(error.getExtensions().get("code"))).verify();

        HttpGraphQlTester stranger = trader(UUID.randomUUID());
        stranger.document("{ trades(first: 10) { edges { cursor } } }").execute()
                .path("trades.edges").entityList(Object.class).hasSize(0);
        stranger.document("query($id: ID!) { trade(id: $id) { id } }").variable("id", made.getFirst()).execute()
                .path("trade").valueIsNull();
        String quoteId = (String) createQuote(trader, "USD", "EUR", "4.00").get("id");
        stranger.document("query($id: ID!) { quote(id: $id) { id } }").variable("id", quoteId).execute()
                .path("quote").valueIsNull();
        trader.document("query($id: ID!) { quote(id: $id) { id } }").variable("id", quoteId).execute()
                .path("quote.id").entity(String.class).isEqualTo(quoteId);
    }

    // ---------------------------------------------------------------- helpers

    private HttpGraphQlTester trader(UUID user) {
        String token = TOKENS.tokenFor(user, "trader-" + user + "@example.com");
        return HttpGraphQlTester.create(WebTestClient.bindToServer().baseUrl("http://localhost:" + port + "/graphql")
                .defaultHeader("Authorization", "Bearer " + token).responseTimeout(Duration.ofSeconds(20)).build());
    }

    private static Map<?, ?> createQuote(HttpGraphQlTester trader, String from, String to, String amount) {
        Map<?, ?> payload = trader.document("""
                        mutation($input: CreateQuoteInput!) { createQuote(input: $input) {
                          quote { id rate sell { amount currency } buy { amount currency } fee { amount currency } expiresAt }
                          userErrors { code message } } }""")
                .variable("input", Map.of("fromCurrency", from, "toCurrency", to, "amount", amount))
                .execute().path("createQuote").entity(Map.class).get();
        assertThat((List<?>) payload.get("userErrors")).isEmpty();
        return (Map<?, ?>) payload.get("quote");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> execute(HttpGraphQlTester trader, String quoteId, String key) {
        return trader.document(EXECUTE).variable("quoteId", quoteId).variable("key", key)
                .execute().path("executeTrade").entity(Map.class).get();
    }

    private static String status(HttpGraphQlTester trader, String tradeId) {
        return trader.document("query($id: ID!) { trade(id: $id) { status } }").variable("id", tradeId)
                .execute().path("trade.status").entity(String.class).get();
    }

    private static Map<?, ?> trade(Map<String, Object> payload) {
        assertThat(payload.get("trade")).as("executeTrade's trade in %s", payload).isNotNull();
        return (Map<?, ?>) payload.get("trade");
    }

    private static String errorCode(Map<String, Object> payload) {
        List<?> errors = (List<?>) payload.get("userErrors");
        assertThat(errors).as("userErrors in %s", payload).hasSize(1);
        return (String) ((Map<?, ?>) errors.getFirst()).get("code");
    }

    private static long postingsFor(String quoteId) {
        return PAYMENTS.postings().stream().filter(posted -> quoteId.equals(posted.path("quoteId").asString())).count();
    }

    @SafeVarargs
    private static List<Map<String, Object>> race(Callable<Map<String, Object>>... calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.length);
        try {
            List<Map<String, Object>> results = new java.util.ArrayList<>();
            for (Future<Map<String, Object>> result : pool.invokeAll(List.of(calls))) {
                results.add(result.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
