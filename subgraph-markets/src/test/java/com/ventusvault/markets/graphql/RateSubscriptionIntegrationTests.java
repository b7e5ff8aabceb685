package com.ventusvault.markets.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ventusvault.markets.MarketsSubgraphTest;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

/** {@code rateUpdated} over a real WebSocket (graphql-transport-ws): every tick brings each subscribed pair's rate. */
@MarketsSubgraphTest
class RateSubscriptionIntegrationTests {

    private static final String RATES = "subscription($pairs: [String!]!) { rateUpdated(pairs: $pairs) { pair price bid ask asOf stale } }";

    @LocalServerPort
    int port;

    @Test
    void eachTickBringsTheRateOfEverySubscribedPair() {
        List<ClientGraphQlResponse> ticks = client().document(RATES).variable("pairs", List.of("btc/usd", "USD/NGN"))
                .executeSubscription().take(6).collectList().block(Duration.ofSeconds(10));

        assertThat(ticks).hasSize(6);
        List<Map<String, Object>> rates = ticks.stream()
                .map(tick -> tick.field("rateUpdated").<Map<String, Object>>getValue()).toList();
        assertThat(rates).extracting(rate -> rate.get("pair")).containsExactly("BTC/USD", "USD/NGN", "BTC/USD", "USD/NGN",
                "BTC/USD", "USD/NGN");
        assertThat(rates).allSatisfy(rate -> {
            assertThat(new BigDecimal((String) rate.get("bid"))).isLessThan(new BigDecimal((String) rate.get("ask")));
            assertThat(rate.get("stale")).isEqualTo(false);
        });
        assertThat(rates.get(2).get("asOf")).isNotEqualTo(rates.get(0).get("asOf"));
    }

    @Test
    void aMalformedPairIsRefusedWithBadRequest() {
        assertThatThrownBy(() -> client().document(RATES).variable("pairs", List.of("BTC/USD", "BTC-XYZ"))
                .executeSubscription().blockFirst(Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(SubscriptionErrorException.class, error ->
                        assertThat(error.getErrors().toString()).contains("BAD_REQUEST", "BTC-XYZ"));
    }

    @Test
    void aSubscriptionNeedsOneToAHundredPairs() {
        assertThatThrownBy(() -> client().document(RATES).variable("pairs", List.of())
                .executeSubscription().blockFirst(Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(SubscriptionErrorException.class, error ->
                        assertThat(error.getErrors().toString()).contains("BAD_REQUEST", "at least one pair"));
        List<String> tooMany = java.util.Collections.nCopies(101, "BTC/USD");
        assertThatThrownBy(() -> client().document(RATES).variable("pairs", tooMany)
                .executeSubscription().blockFirst(Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(SubscriptionErrorException.class, error ->
                        assertThat(error.getErrors().toString()).contains("LIMIT_EXCEEDED", "at most 100"));
        List<String> hundred = java.util.Collections.nCopies(100, "ETH/USD");
        assertThat(client().document(RATES).variable("pairs", hundred).executeSubscription().take(100).collectList()
                .block(Duration.ofSeconds(10))).as("one tick of a hundred pairs").hasSize(100);
    }

    private WebSocketGraphQlClient client() {
        return WebSocketGraphQlClient.builder(URI.create("ws://localhost:" + port + "/graphql"),
                new ReactorNettyWebSocketClient()).build();
    }
}
