package com.ventusvault.markets.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.ventusvault.markets.MarketsSubgraphTest;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

@MarketsSubgraphTest
class RateQueryIntegrationTests {

    private static final String SUPPORTED = "BTC, ETH, SOL, USDT, USDC, USD, NGN, EUR, GBP";

    @LocalServerPort
    int port;

    HttpGraphQlTester graphQl;

    @BeforeEach
    void connect() {
        graphQl = HttpGraphQlTester.create(WebTestClient.bindToServer().baseUrl("http://localhost:" + port + "/graphql").build());
    }

    @Test
    void quotesAPairCaseInsensitivelyWithBidBelowPriceBelowAsk() {
        var response = graphQl.documentName("rate").variable("pair", "btc/usdt").execute();

        response.path("rate.pair").entity(String.class).isEqualTo("BTC/USDT");
        response.path("rate.source").entity(String.class).isEqualTo("simulated");
        response.path("rate.stale").entity(Boolean.class).isEqualTo(false);
        response.path("rate.asOf").entity(String.class).satisfies(asOf -> assertThat(asOf).endsWith("Z"));
        BigDecimal price = response.path("rate.price").entity(BigDecimal.class).get();
        BigDecimal bid = response.path("rate.bid").entity(BigDecimal.class).get();
        BigDecimal ask = response.path("rate.ask").entity(BigDecimal.class).get();
        assertThat(price).isBetween(new BigDecimal("80000"), new BigDecimal("115000"));
        assertThat(bid).isLessThan(price);
        assertThat(ask).isGreaterThan(price);
    }

    @Test
    void aPairAndItsInverseMultiplyToOneAndCrossRatesGoThroughUsd() {
        List<Map<String, Object>> rates = graphQl.documentName("rates")
                .variable("pairs", List.of("USD/NGN", "NGN/USD", "BTC/EUR", "BTC/USD", "EUR/USD"))
                .execute().path("rates").entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { })
                .hasSize(5).get();

        BigDecimal usdNgn = price(rates.get(0));
        BigDecimal ngnUsd = price(rates.get(1));
        assertThat(usdNgn).isBetween(new BigDecimal("1400"), new BigDecimal("1700"));
        assertThat(usdNgn.multiply(ngnUsd).doubleValue()).isCloseTo(1.0, within(1e-8));
        BigDecimal viaUsd = price(rates.get(3)).divide(price(rates.get(4)), MathContext.DECIMAL128);
        assertThat(price(rates.get(2)).doubleValue() / viaUsd.doubleValue()).isCloseTo(1.0, within(1e-8));
        // One call reads one snapshot: every rate is from the same moment.
        assertThat(rates).extracting(rate -> rate.get("asOf")).containsOnly(rates.get(0).get("asOf"));
    }

    @Test
    void ratesWithoutPairsReturnsTheMajorPairs() {
        graphQl.documentName("rates").execute()
                .path("rates[*].pair").entityList(String.class)
                .contains("BTC/USD", "ETH/USD", "SOL/USD", "BTC/USDT", "USDT/USD", "USDC/USD", "EUR/USD", "GBP/USD", "USD/NGN");
    }

    @Test
    void anUnknownAssetIsABadRequestNamingThePairAndTheSupportedAssets() {
        graphQl.documentName("rate").variable("pair", "BTC/XYZ").execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).hasSize(1);
                    assertThat(errors.get(0).getExtensions()).containsEntry("code", "BAD_REQUEST");
                    assertThat(errors.get(0).getMessage()).contains("BTC/XYZ", SUPPORTED);
                })
                .path("rate").valueIsNull();
    }

    @Test
    void malformedPairsAndPairsOfOneAssetAreBadRequests() {
        for (String pair : List.of("BTCUSDT", "ETH/eth", "BTC/USD/EUR")) {
            graphQl.documentName("rate").variable("pair", pair).execute()
                    .errors().satisfy(errors -> {
                        assertThat(errors).as(pair).hasSize(1);
                        assertThat(errors.get(0).getExtensions()).containsEntry("code", "BAD_REQUEST");
                        assertThat(errors.get(0).getMessage()).contains(pair, SUPPORTED);
                    });
        }
    }

    @Test
    void ratesNamesTheIndexOfABadPair() {
        graphQl.documentName("rates").variable("pairs", List.of("BTC/USD", "DOGE/USD")).execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).hasSize(1);
                    assertThat(errors.get(0).getExtensions()).containsEntry("code", "BAD_REQUEST")
                            .containsEntry("field", List.of("pairs", "1"));
                    assertThat(errors.get(0).getMessage()).contains("DOGE/USD");
                });
    }

    @Test
    void resolvesRateEntitiesInOneBatch() {
        List<Map<String, Object>> representations = List.of(
                Map.of("__typename", "Rate", "pair", "BTC/USDT"),
                Map.of("__typename", "Rate", "pair", "usd/ngn"));

        var response = graphQl.documentName("rateEntities").variable("representations", representations).execute();

        response.errors().verify();
        response.path("_entities[*].pair").entityList(String.class).containsExactly("BTC/USDT", "USD/NGN");
        response.path("_entities[0].source").entity(String.class).isEqualTo("simulated");
        response.path("_entities[1].stale").entity(Boolean.class).isEqualTo(false);
    }

    @Test
    void anUnknownPairInARepresentationIsABadRequest() {
        var representations = List.of(Map.of("__typename", "Rate", "pair", "XRP/USD"));

        graphQl.documentName("rateEntities").variable("representations", representations).execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).hasSize(1);
                    assertThat(errors.get(0).getExtensions()).containsEntry("code", "BAD_REQUEST");
                    assertThat(errors.get(0).getMessage()).contains("XRP/USD");
                })
                .path("_entities[0]").valueIsNull();
    }

    @Test
    void publishesTheMarketsSdlToTheGateway() {
        graphQl.documentName("serviceSdl").execute().path("_service.sdl").entity(String.class).satisfies(sdl ->
                assertThat(sdl).contains("union _Entity = Quote | Rate | Trade | Transfer", "type Rate @key(fields : \"pair\"", "rate(pair: String!): Rate",
                        "rates(pairs: [String!]): [Rate!]!"));
    }

    private static BigDecimal price(Map<String, Object> rate) {
        return new BigDecimal((String) rate.get("price"));
    }
}
