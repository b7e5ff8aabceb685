package com.ventusvault.markets.trading;

import static org.assertj.core.api.Assertions.assertThat;

import com.ventusvault.markets.MarketsApplication;
import com.ventusvault.payments.PaymentsApplication;
import com.ventusvault.platform.testing.TestTokens;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Quotes and trades against the real payments ledger (started beside markets in this JVM, same PostgreSQL): a trade
 * converts once at the quoted terms, whatever is repeated or raced; refusals come back as user errors.
 */
class TradingIntegrationTests {

    private static final TestTokens TOKENS = TestTokens.start();
    private static ConfigurableApplicationContext payments;
    private static ConfigurableApplicationContext markets;

    @BeforeAll
    static void start() {
        payments = run(PaymentsApplication.builder(), "--ventus.payments.demo-funding=true");
        markets = run(MarketsApplication.builder(), "--ventus.markets.trading.payments-url=http://localhost:" + port(payments),
                "--ventus.markets.trading.quote-ttl=2s", "--ventus.markets.trading.resume-after=1s",
                "--ventus.markets.tick-interval=200ms", "--ventus.markets.seed=7");
    }

    @AfterAll
    static void stop() {
        markets.close();
        payments.close();
    }

    record Trader(UUID id, HttpGraphQlTester payments, HttpGraphQlTester markets) {
    }

    @Test
    void aQuoteIsExecutedOnceAtItsTermsWhateverIsRepeatedOrRaced() throws Exception {
        Trader trader = trader("100.00");
        Map<String, Object> quote = createQuote(trader, "USD", "EUR", "40.00");
        BigDecimal buy = new BigDecimal((String) ((Map<?, ?>) quote.get("buy")).get("amount"));
        BigDecimal fee = new BigDecimal((String) ((Map<?, ?>) quote.get("fee")).get("amount"));
        assertThat(fee).isEqualByComparingTo("0.20");
        assertThat(buy).isEqualByComparingTo(new BigDecimal("40.00").multiply(new BigDecimal((String) quote.get("rate")))
                .setScale(2, java.math.RoundingMode.DOWN));

        String key = "trade-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Map<String, Object>>> calls = java.util.Collections.nCopies(6, () -> execute(trader,
                    (String) quote.get("id"), key));
            List<Future<Map<String, Object>>> results = pool.invokeAll(calls);
            String tradeId = null;
            for (Future<Map<String, Object>> result : results) {
                Map<String, Object> payload = result.get();
                assertThat((List<?>) payload.get("userErrors")).isEmpty();
                Map<?, ?> trade = (Map<?, ?>) payload.get("trade");
                assertThat(trade.get("status")).isEqualTo("COMPLETED");
                tradeId = tradeId == null ? (String) trade.get("id") : tradeId;
                assertThat(trade.get("id")).isEqualTo(tradeId);
                assertThat((List<?>) trade.get("transfers")).hasSize(2);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(balance(trader, "USD")).isEqualByComparingTo("59.80");
        assertThat(balance(trader, "EUR")).isEqualByComparingTo(buy);

        assertThat(errorOf(execute(trader, (String) quote.get("id"), "another-" + key))).isEqualTo("QUOTE_ALREADY_EXECUTED");
        Map<String, Object> second = createQuote(trader, "USD", "GBP", "1.00");
        assertThat(errorOf(execute(trader, (String) second.get("id"), key))).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        List<?> history = trader.markets().document("{ trades(first: 5) { edges { node { id status quote { pair } } } } }")
                .execute().path("trades.edges").entityList(Object.class).get();
        assertThat(history).hasSize(1);
    }

    @Test
    void refusalsAreUserErrorsAndMoveNothing() throws Exception {
        Trader trader = trader("10.00");
        assertThat(errorOf(execute(trader, (String) createQuote(trader, "USD", "NGN", "10.00").get("id"), "k1")))
                .as("10.00 plus its fee").isEqualTo("INSUFFICIENT_FUNDS");
        Map<String, Object> expiring = createQuote(trader, "USD", "EUR", "1.00");
        Thread.sleep(2_100);
        assertThat(errorOf(execute(trader, (String) expiring.get("id"), "k2"))).isEqualTo("QUOTE_EXPIRED");
        assertThat(errorOf(execute(trader, UUID.randomUUID().toString(), "k3"))).isEqualTo("QUOTE_NOT_FOUND");
        assertThat(quoteErrors(trader, "USD", "XYZ", "1.00")).containsExactly("UNSUPPORTED_CURRENCY");
        assertThat(quoteErrors(trader, "USD", "USD", "1.00")).containsExactly("SAME_CURRENCY");
        assertThat(quoteErrors(trader, "USD", "EUR", "1.001")).containsExactly("INVALID_AMOUNT");
        assertThat(quoteErrors(trader, "USD", "BTC", "0.00")).containsExactly("INVALID_AMOUNT");
        assertThat(quoteErrors(trader, "NGN", "BTC", "0.01")).containsExactly("AMOUNT_TOO_SMALL");
        assertThat(balance(trader, "USD")).isEqualByComparingTo("10.00");

        Trader other = trader("0.00");
        String mine = (String) createQuote(trader, "USD", "EUR", "1.00").get("id");
        assertThat(errorOf(execute(other, mine, "k4"))).as("another user's quote").isEqualTo("QUOTE_NOT_FOUND");
    }

    @Test
    void aTradeWhoseAnswerWasLostIsResumedInTheBackground() throws Exception {
        Trader trader = trader("30.00");
        UUID quoteId = UUID.fromString((String) createQuote(trader, "USD", "GBP", "10.00").get("id"));
        // Claimed, as executeTrade does first, but payments was never asked (markets stopped in between, say).
        StoredTrade claimed = markets.getBean(TradingRepository.class)
                .claim(UUID.randomUUID(), quoteId, trader.id(), "lost-answer", java.time.Instant.now())
                .block(Duration.ofSeconds(10));
        assertThat(claimed.status()).isEqualTo("INITIATED");

        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        String status = "INITIATED";
        while (status.equals("INITIATED") && System.nanoTime() < deadline) {
            Thread.sleep(250);
            status = trader.markets().document("query($id: ID!) { trade(id: $id) { status } }")
                    .variable("id", claimed.id().toString()).execute().path("trade.status").entity(String.class).get();
        }
        assertThat(status).isEqualTo("COMPLETED");
        assertThat(balance(trader, "USD")).isEqualByComparingTo("19.95");
        // The client's own retry with the key finds the answered trade.
        Map<String, Object> again = execute(trader, quoteId.toString(), "lost-answer");
        assertThat(((Map<?, ?>) again.get("trade")).get("id")).isEqualTo(claimed.id().toString());
    }

    // ---------------------------------------------------------------- helpers

    private static Trader trader(String usd) {
        UUID id = UUID.randomUUID();
        String token = TOKENS.tokenFor(id, "trader-" + id + "@example.com");
        Trader trader = new Trader(id, client(payments, token), client(markets, token));
        String wallet = trader.payments().document("mutation { openWallet(currency: \"USD\") { wallet { id } } }")
                .execute().path("openWallet.wallet.id").entity(String.class).get();
        if (new BigDecimal(usd).signum() > 0) {
            trader.payments().document("mutation($input: DepositInput!) { deposit(input: $input) { userErrors { code } } }")
                    .variable("input", Map.of("walletId", wallet, "amount", usd, "idempotencyKey", "fund-" + id))
                    .execute().path("deposit.userErrors").entityList(Object.class).hasSize(0);
        }
        return trader;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> createQuote(Trader trader, String from, String to, String amount) {
        Map<String, Object> payload = trader.markets().document("""
                        mutation($input: CreateQuoteInput!) { createQuote(input: $input) {
                          quote { id pair rate sell { amount currency } buy { amount currency } fee { amount currency } expiresAt }
                          userErrors { code message field } } }""")
                .variable("input", Map.of("fromCurrency", from, "toCurrency", to, "amount", amount))
                .execute().path("createQuote").entity(Map.class).get();
        assertThat((List<?>) payload.get("userErrors")).isEmpty();
        return (Map<String, Object>) payload.get("quote");
    }

    private static List<String> quoteErrors(Trader trader, String from, String to, String amount) {
        return trader.markets().document("""
                        mutation($input: CreateQuoteInput!) { createQuote(input: $input) { quote { id } userErrors { code } } }""")
                .variable("input", Map.of("fromCurrency", from, "toCurrency", to, "amount", amount))
                .execute().path("createQuote.userErrors[*].code").entityList(String.class).get();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> execute(Trader trader, String quoteId, String key) {
        return trader.markets().document("""
                        mutation($quoteId: ID!, $key: String!) { executeTrade(quoteId: $quoteId, idempotencyKey: $key) {
                          trade { id status transfers { id } failure { code } } userErrors { code message field } } }""")
                .variable("quoteId", quoteId).variable("key", key)
                .execute().path("executeTrade").entity(Map.class).get();
    }

    private static String errorOf(Map<String, Object> payload) {
        List<?> errors = (List<?>) payload.get("userErrors");
        assertThat(errors).hasSize(1);
        return (String) ((Map<?, ?>) errors.getFirst()).get("code");
    }

    private static BigDecimal balance(Trader trader, String currency) {
        String amount = trader.payments().document("query($rep: [_Any!]!) { _entities(representations: $rep) { "
                        + "... on User { wallet(currency: \"" + currency + "\") { balance { amount } } } } }")
                .variable("rep", List.of(Map.of("__typename", "User", "id", trader.id().toString())))
                .execute().path("_entities[0].wallet.balance.amount").entity(String.class).get();
        return new BigDecimal(amount);
    }

    private static HttpGraphQlTester client(ConfigurableApplicationContext app, String token) {
        return HttpGraphQlTester.create(WebTestClient.bindToServer().baseUrl("http://localhost:" + port(app) + "/graphql")
                .defaultHeader("Authorization", "Bearer " + token).responseTimeout(Duration.ofSeconds(30)).build());
    }

    private static ConfigurableApplicationContext run(SpringApplicationBuilder builder, String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("--server.port=0", "--ventus.auth.jwks-uri=" + TOKENS.jwksUri()));
        all.addAll(List.of(args));
        return builder.run(all.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext app) {
        return app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }
}
