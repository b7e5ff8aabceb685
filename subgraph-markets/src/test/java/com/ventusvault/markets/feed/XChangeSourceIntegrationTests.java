package com.ventusvault.markets.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.ventusvault.markets.MarketsApplication;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Markets on a real exchange's API through XChange (Kraken, played by {@link KrakenSimulator} on a local port): rates
 * come from its tickers and name it; when it fails, the last known rates are served stale; what it does not quote
 * (NGN) is RATE_UNAVAILABLE.
 */
@SpringBootTest(classes = MarketsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=markets", "ventus.markets.source=xchange", "ventus.markets.tick-interval=200ms"})
class XChangeSourceIntegrationTests {

    private static final KrakenSimulator KRAKEN = new KrakenSimulator();
    private static final String RATE = "query($pair: String!) { rate(pair: $pair) { pair price bid ask source stale asOf } }";

    @DynamicPropertySource
    static void exchange(DynamicPropertyRegistry registry) {
        registry.add("ventus.markets.xchange.base-url", KRAKEN::url);
    }

    @AfterAll
    static void stop() {
        KRAKEN.close();
    }

    @LocalServerPort
    int port;

    HttpGraphQlTester graphQl;

    @BeforeEach
    void connect() {
        graphQl = HttpGraphQlTester.create(WebTestClient.bindToServer().baseUrl("http://localhost:" + port + "/graphql")
                .responseTimeout(Duration.ofSeconds(10)).build());
    }

    @Test
    void ratesComeFromTheExchangeTurnStaleWhenItFailsAndFreshAgainWhenItRecovers() throws Exception {
        awaitFresh();
        var btc = graphQl.document(RATE).variable("pair", "BTC/USD").execute();
        btc.path("rate.source").entity(String.class).isEqualTo("kraken");
        BigDecimal price = btc.path("rate.price").entity(BigDecimal.class).get();
        assertThat(price).isEqualByComparingTo("97000");
        assertThat(KRAKEN.requestedPairs()).isNotEmpty();

        KRAKEN.failing(true);
        Thread.sleep(1_000); // more than three tick intervals without a good tick
        var stale = graphQl.document(RATE).variable("pair", "BTC/USD").execute();
        stale.path("rate.stale").entity(Boolean.class).isEqualTo(true);
        assertThat(stale.path("rate.price").entity(BigDecimal.class).get()).isEqualByComparingTo(price);

        KRAKEN.failing(false);
        awaitFresh();
    }

    @Test
    void aPairWithAnAssetTheExchangeDoesNotQuoteIsUnavailable() throws Exception {
        awaitFresh();
        graphQl.document(RATE).variable("pair", "USD/NGN").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getExtensions()).containsEntry("code", "RATE_UNAVAILABLE");
                    assertThat(error.getMessage()).contains("kraken", "USD/NGN");
                }))
                .path("rate").valueIsNull();
    }

    private void awaitFresh() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            var response = graphQl.document(RATE).variable("pair", "BTC/USD").execute();
            boolean fresh = response.returnResponse().getErrors().isEmpty()
                    && Boolean.FALSE.equals(response.path("rate.stale").entity(Boolean.class).get());
            if (fresh) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no fresh kraken rate within 15 s; pairs asked: " + KRAKEN.requestedPairs());
    }
}
