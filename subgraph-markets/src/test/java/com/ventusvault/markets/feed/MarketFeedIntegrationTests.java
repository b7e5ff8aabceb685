package com.ventusvault.markets.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ventusvault.markets.MarketsSubgraphTest;
import com.ventusvault.markets.domain.Asset;
import com.ventusvault.markets.domain.MarketSnapshot;
import com.ventusvault.markets.persistence.PriceTickRepository;
import io.r2dbc.spi.ConnectionFactory;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

@MarketsSubgraphTest
class MarketFeedIntegrationTests {

    @Autowired
    MarketFeed feed;

    @Autowired
    PriceTickRepository ticks;

    @Autowired
    DatabaseClient database;

    @Autowired
    ConnectionFactory connectionFactory;

    @LocalServerPort
    int port;

    @Test
    void runsOnTheEmbeddedPostgresInTheMarketsSchema() {
        String schema = database.sql("select current_schema()").map(row -> row.get(0, String.class)).one().block();
        assertThat(schema).isEqualTo("markets");
        assertThat(connectionFactory.getMetadata().getName()).isEqualTo("PostgreSQL");
    }

    @Test
    void pricesMoveEveryTickAndEachTickIsPersisted() {
        MarketSnapshot before = feed.current();
        long rowsBefore = countTicks();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            MarketSnapshot now = feed.current();
            assertThat(now.asOf()).isAfter(before.asOf());
            assertThat(now.usdPrice(Asset.BTC)).isNotEqualByComparingTo(before.usdPrice(Asset.BTC));
            assertThat(countTicks()).isGreaterThanOrEqualTo(rowsBefore + 2L * Asset.values().length);
        });
        // Between two ticks the database holds exactly what the resolvers serve.
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20)).untilAsserted(() ->
                assertSamePrices(ticks.latest("simulated").block().usdPrices(), feed.current()));
    }

    @Test
    void quotesTurnStaleWhenTheFeedStopsAndTheRestartedFeedResumesFromPersistedPrices() throws InterruptedException {
        HttpGraphQlTester graphQl = HttpGraphQlTester.create(
                WebTestClient.bindToServer().baseUrl("http://localhost:" + port + "/graphql").build());
        feed.stop();
        try {
            assertThat(feed.isRunning()).isFalse();
            Thread.sleep(800); // more than three 200 ms tick intervals
            graphQl.documentName("rate").variable("pair", "ETH/USD").execute()
                    .path("rate.stale").entity(Boolean.class).isEqualTo(true);
        } finally {
            Map<Asset, BigDecimal> persisted = ticks.latest("simulated").block().usdPrices();
            feed.start();
            assertSamePrices(persisted, feed.current());
        }
        graphQl.documentName("rate").variable("pair", "ETH/USD").execute()
                .path("rate.stale").entity(Boolean.class).isEqualTo(false);
    }

    private long countTicks() {
        return database.sql("select count(*) from price_tick").map(row -> row.get(0, Long.class)).one().block();
    }

    private static void assertSamePrices(Map<Asset, BigDecimal> persisted, MarketSnapshot snapshot) {
        assertThat(persisted).hasSize(Asset.values().length);
        persisted.forEach((asset, price) ->
                assertThat(price).as(asset.name()).isEqualByComparingTo(snapshot.usdPrice(asset)));
    }
}
