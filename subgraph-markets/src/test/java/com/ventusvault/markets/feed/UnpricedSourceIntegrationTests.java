package com.ventusvault.markets.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.ventusvault.markets.MarketsApplication;
import com.ventusvault.platform.testing.TestTokens;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * An exchange that has been down since markets started, with no price of it ever persisted (a schema of its own):
 * there is no last known good rate, so rates are null with RATE_UNAVAILABLE and nothing is quoted, until the exchange
 * answers for the first time.
 */
@SpringBootTest(classes = MarketsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=markets",
        "ventus.database.schema=markets_unpriced",
        "ventus.markets.source=xchange",
        "ventus.markets.tick-interval=200ms"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class UnpricedSourceIntegrationTests {

    private static final KrakenSimulator KRAKEN = down(new KrakenSimulator());
    private static final TestTokens TOKENS = TestTokens.start();
    private static final String RATE = "query($pair: String!) { rate(pair: $pair) { pair price stale } }";

    @DynamicPropertySource
    static void wire(DynamicPropertyRegistry registry) {
        registry.add("ventus.markets.xchange.base-url", KRAKEN::url);
        registry.add("ventus.auth.jwks-uri", TOKENS::jwksUri);
    }

    @AfterAll
    static void stop() {
        KRAKEN.close();
        TOKENS.close();
    }

    @LocalServerPort
    int port;

    @Test
    void withoutAnyKnownPriceRatesAreUnavailableAndNothingIsQuotedUntilTheExchangeAnswers() throws Exception {
        HttpGraphQlTester trader = client(TOKENS.tokenFor(UUID.randomUUID(), "unpriced@example.com"));
        Thread.sleep(600); // a few failed ticks

        trader.document(RATE).variable("pair", "BTC/USD").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getExtensions()).containsEntry("code", "RATE_UNAVAILABLE");
                    assertThat(error.getMessage()).contains("kraken", "BTC/USD", "not answered since startup");
                }))
                .path("rate").valueIsNull();
        trader.document("""
                        mutation($input: CreateQuoteInput!) { createQuote(input: $input) { quote { id } userErrors { code } } }""")
                .variable("input", Map.of("fromCurrency", "USD", "toCurrency", "BTC", "amount", "10.00"))
                .execute()
                .path("createQuote.quote").valueIsNull()
                .path("createQuote.userErrors[0].code").entity(String.class).isEqualTo("RATE_UNAVAILABLE");

        KRAKEN.failing(false);
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        Boolean stale = null;
        while (stale == null && System.nanoTime() < deadline) {
            Thread.sleep(100);
            var response = trader.document(RATE).variable("pair", "BTC/USD").execute();
            if (response.returnResponse().getErrors().isEmpty()) {
                stale = response.path("rate.stale").entity(Boolean.class).get();
            }
        }
        assertThat(stale).as("a fresh rate once the exchange answers").isFalse();
    }

    private HttpGraphQlTester client(String token) {
        return HttpGraphQlTester.create(WebTestClient.bindToServer().baseUrl("http://localhost:" + port + "/graphql")
                .defaultHeader("Authorization", "Bearer " + token).responseTimeout(Duration.ofSeconds(10)).build());
    }

    private static KrakenSimulator down(KrakenSimulator kraken) {
        kraken.failing(true);
        return kraken;
    }
}
