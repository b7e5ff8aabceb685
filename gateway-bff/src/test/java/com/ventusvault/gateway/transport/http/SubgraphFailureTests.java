package com.ventusvault.gateway.transport.http;

import com.ventusvault.gateway.GatewayApplication;
import com.ventusvault.gateway.stubs.VentusStubs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Subgraph failures end to end: {@code gateway.subgraphs.markets.timeout} is 400ms while the other subgraphs have
 * the default; payments is down (its URL points at a closed port). Failed root fields are null with an error at
 * their path naming the subgraph; the other subgraphs' data is intact.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=gateway", "gateway.subgraphs.markets.timeout=400ms",
                "gateway.subgraphs.payments.url=http://127.0.0.1:9/graphql"})
@AutoConfigureWebTestClient(timeout = "30s")
class SubgraphFailureTests {

    private static final VentusStubs STUBS = new VentusStubs();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void subgraphs(DynamicPropertyRegistry registry) {
        registry.add("ventus.auth.jwks-uri", STUBS::jwksUri);
        STUBS.urls().forEach((name, url) -> {
            if (!name.equals("payments")) {
                registry.add("gateway.subgraphs." + name + ".url", () -> url);
            }
        });
    }

    @AfterAll
    static void stop() {
        STUBS.close();
    }

    @Autowired
    WebTestClient http;

    @BeforeEach
    void clear() {
        STUBS.log.clear();
    }

    @AfterEach
    void fast() {
        STUBS.markets.delay(Duration.ZERO);
        STUBS.accounts.delay(Duration.ZERO);
    }

    @Test
    void aSubgraphSlowerThanItsOwnTimeoutGivesPartialDataAndSubgraphTimeout() {
        STUBS.markets.delay(Duration.ofMillis(1500));
        STUBS.accounts.delay(Duration.ofMillis(600)); // slower than markets' timeout, within the default
        JsonNode body = query("{ me { displayName } rate(pair: \"BTC/USDT\") { pair } }");
        assertThat(body.get("data").toString()).isEqualTo("{\"me\":{\"displayName\":\"Ada\"},\"rate\":null}");
        assertThat(body.get("errors")).hasSize(1);
        JsonNode error = body.get("errors").get(0);
        assertThat(error.get("path").toString()).isEqualTo("[\"rate\"]");
        assertThat(error.get("extensions").get("code").asString()).isEqualTo("SUBGRAPH_TIMEOUT");
        assertThat(error.get("extensions").get("serviceName").asString()).isEqualTo("markets");
    }

    @Test
    void aSubgraphThatIsDownGivesPartialDataAndSubgraphUnavailable() {
        JsonNode body = query("{ me { displayName } t: transfer(id: \"t1\") { id } rate(pair: \"BTC/USDT\") { pair } }");
        assertThat(body.get("data").toString())
                .isEqualTo("{\"me\":{\"displayName\":\"Ada\"},\"t\":null,\"rate\":{\"pair\":\"BTC/USDT\"}}");
        assertThat(body.get("errors")).hasSize(1);
        JsonNode error = body.get("errors").get(0);
        assertThat(error.get("path").toString()).isEqualTo("[\"t\"]");
        assertThat(error.get("extensions").get("code").asString()).isEqualTo("SUBGRAPH_UNAVAILABLE");
        assertThat(error.get("extensions").get("serviceName").asString()).isEqualTo("payments");
    }

    @Test
    void aFailedRootFetchReportsEveryRootFieldItLeftNull() {
        STUBS.markets.delay(Duration.ofMillis(1500));
        JsonNode body = query("{ a: rate(pair: \"BTC/USDT\") { pair } b: rate(pair: \"USD/NGN\") { pair } "
                + "me { displayName } }");
        assertThat(body.get("data").toString()).isEqualTo("{\"a\":null,\"b\":null,\"me\":{\"displayName\":\"Ada\"}}");
        assertThat(body.get("errors")).hasSize(2);
        assertThat(body.get("errors").get(0).get("path").toString()).isEqualTo("[\"a\"]");
        assertThat(body.get("errors").get(1).get("path").toString()).isEqualTo("[\"b\"]");
        assertThat(body.get("errors")).allSatisfy(e -> assertThat(e.get("extensions").get("code").asString())
                .isEqualTo("SUBGRAPH_TIMEOUT"));
    }

    @Test
    void aNonNullRootFieldOfAFailedSubgraphNullsTheData() {
        STUBS.markets.delay(Duration.ofMillis(1500));
        JsonNode body = query("{ rates { pair } }");
        assertThat(body.get("data").isNull()).isTrue();
        assertThat(body.get("errors")).hasSize(1);
        assertThat(body.get("errors").get(0).get("path").toString()).isEqualTo("[\"rates\"]");
    }

    private JsonNode query(String query) {
        byte[] response = http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", STUBS.bearer("ada"))
                .bodyValue(JSON.writeValueAsString(java.util.Map.of("query", query)))
                .exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        return JSON.readTree(response);
    }
}
