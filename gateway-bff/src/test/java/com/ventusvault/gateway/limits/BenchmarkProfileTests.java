package com.ventusvault.gateway.limits;

import com.ventusvault.gateway.GatewayApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The {@code benchmark} profile (gateway-benchmark.yml) that load tools start the gateway with: the limits are on but
 * no bucket empties under load from one address, and The Guild's benchmark query (depth 8) is within the depth limit.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=gateway")
@ActiveProfiles("benchmark")
@AutoConfigureWebTestClient(timeout = "30s")
class BenchmarkProfileTests {

    @Autowired
    WebTestClient http;

    @Test
    void bucketsAreHugeAndDepthEightPasses() {
        http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"query\":\"{ a { b { c { d { e { f { g { h } } } } } } } }\"}")
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals("X-RateLimit-Limit", "1000000000")
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("GRAPHQL_VALIDATION_FAILED");
    }
}
