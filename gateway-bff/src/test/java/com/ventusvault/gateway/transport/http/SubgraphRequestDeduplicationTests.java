package com.ventusvault.gateway.transport.http;

import com.ventusvault.gateway.GatewayApplication;
import com.ventusvault.gateway.stubs.StubSubgraph;
import com.ventusvault.gateway.stubs.VentusStubs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Identical subgraph requests in flight at the same time are sent once: concurrent client requests while a stub
 * subgraph is slow, counted at the stub.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=gateway")
class SubgraphRequestDeduplicationTests {

    @RegisterExtension
    static final VentusStubs STUBS = new VentusStubs();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @BeforeEach
    void warmUp() {
        // plan and validate the documents once, so the concurrent requests below reach the subgraph together
        post("{ rates { pair } }", STUBS.bearer("ada"));
        post("mutation { openWallet(currency: \"EUR\") { wallet { currency } } }", STUBS.bearer("ada"));
        STUBS.log.clear();
    }

    @AfterEach
    void fast() {
        STUBS.markets.delay(Duration.ZERO);
        STUBS.payments.delay(Duration.ZERO);
    }

    @Test
    void concurrentIdenticalQueriesShareOneSubgraphRequest() {
        STUBS.markets.delay(Duration.ofMillis(1500));
        List<JsonNode> responses = concurrently(8, i -> STUBS.bearer("ada"), "{ rates { pair } }");
        assertThat(responses).hasSize(8).allSatisfy(r -> assertThat(r.toString())
                .isEqualTo("{\"data\":{\"rates\":[{\"pair\":\"BTC/USDT\"},{\"pair\":\"USD/NGN\"}]}}"));
        assertThat(STUBS.requestsTo("markets")).hasSize(1);
    }

    @Test
    void aFinishedRequestIsNotReused() {
        post("{ rates { pair } }", STUBS.bearer("ada"));
        post("{ rates { pair } }", STUBS.bearer("ada"));
        assertThat(STUBS.requestsTo("markets")).hasSize(2);
    }

    @Test
    void requestsWithDifferentAuthorizationAreNotShared() {
        STUBS.markets.delay(Duration.ofMillis(1500));
        List<JsonNode> responses = concurrently(4, i -> i % 2 == 0 ? STUBS.bearer("ada") : STUBS.bearer("bob"),
                "{ rates { pair } }");
        assertThat(responses).hasSize(4).allSatisfy(r -> assertThat(r.has("errors")).isFalse());
        assertThat(STUBS.requestsTo("markets")).extracting(StubSubgraph.Received::authorization)
                .containsExactlyInAnyOrder(STUBS.bearer("ada"), STUBS.bearer("bob"));
    }

    @Test
    void mutationsAreNeverShared() {
        STUBS.payments.delay(Duration.ofMillis(1000));
        List<JsonNode> responses = concurrently(3, i -> STUBS.bearer("ada"),
                "mutation { openWallet(currency: \"EUR\") { wallet { currency } } }");
        assertThat(responses).hasSize(3).allSatisfy(r -> assertThat(r.toString())
                .isEqualTo("{\"data\":{\"openWallet\":{\"wallet\":{\"currency\":\"EUR\"}}}}"));
        assertThat(STUBS.requestsTo("payments")).hasSize(3);
    }

    private List<JsonNode> concurrently(int count, java.util.function.IntFunction<String> authorization,
                                        String query) {
        return Flux.range(0, count)
                .flatMap(i -> client().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                        .header("Authorization", authorization.apply(i))
                        .bodyValue(body(query)).retrieve().bodyToMono(String.class), count)
                .map(JSON::readTree)
                .collectList()
                .block(Duration.ofSeconds(30));
    }

    private JsonNode post(String query, String authorization) {
        return JSON.readTree(client().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", authorization).bodyValue(body(query)).retrieve()
                .bodyToMono(String.class).block(Duration.ofSeconds(30)));
    }

    private static String body(String query) {
        return JSON.writeValueAsString(java.util.Map.of("query", query));
    }

    private WebClient client() {
        return WebClient.create("http://127.0.0.1:" + port);
    }
}
