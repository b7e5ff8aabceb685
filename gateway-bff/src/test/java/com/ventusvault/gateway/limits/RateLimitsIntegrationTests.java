package com.ventusvault.gateway.limits;

import com.ventusvault.gateway.GatewayApplication;
import com.ventusvault.gateway.stubs.SocketClient;
import com.ventusvault.gateway.stubs.VentusStubs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rate limits over real HTTP: 3 requests per client IP and 2 per user, refilled over an hour so nothing refills while
 * the tests run. The test client is on loopback, a trusted proxy by default, so each test picks its own client IP
 * with {@code X-Forwarded-For} and gets fresh buckets.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=gateway",
                "gateway.limits.rate.per-ip.capacity=3", "gateway.limits.rate.per-ip.period=1h",
                "gateway.limits.rate.per-user.capacity=2", "gateway.limits.rate.per-user.period=1h"})
@AutoConfigureWebTestClient(timeout = "30s")
class RateLimitsIntegrationTests {

    @RegisterExtension
    static final VentusStubs STUBS = new VentusStubs();

    @Autowired
    WebTestClient http;

    @LocalServerPort
    int port;

    private WebTestClient.ResponseSpec typename(String clientIp, String authorization) {
        var request = http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .header("X-Forwarded-For", clientIp);
        if (authorization != null) {
            request = request.header("Authorization", authorization);
        }
        return request.bodyValue("{\"query\":\"{ __typename }\"}").exchange();
    }

    @Test
    void everyResponseCarriesTheLimitAndWhatIsLeft() {
        typename("203.0.113.1", null).expectStatus().isOk()
                .expectHeader().valueEquals("X-RateLimit-Limit", "3")
                .expectHeader().valueEquals("X-RateLimit-Remaining", "2")
                .expectBody().jsonPath("$.data.__typename").isEqualTo("Query");
        // refusals of later stages count and carry the headers too
        http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).header("X-Forwarded-For", "203.0.113.1")
                .bodyValue("{\"query\":\"{ nope }\"}").exchange()
                .expectHeader().valueEquals("X-RateLimit-Remaining", "1");
    }

    @Test
    void theRequestOverAnAddressesLimitGets429WithRetryAfterAndAGraphQlError() {
        for (int i = 0; i < 3; i++) {
            typename("203.0.113.2", null).expectStatus().isOk();
        }
        typename("203.0.113.2", null).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().valueEquals("X-RateLimit-Limit", "3")
                .expectHeader().valueEquals("X-RateLimit-Remaining", "0")
                .expectHeader().value("Retry-After", seconds -> assertThat(Long.parseLong(seconds))
                        .isBetween(1L, 1200L)) // one token every 20 minutes
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.errors[0].extensions.code").isEqualTo("RATE_LIMITED")
                .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).startsWith("Too many requests"))
                .jsonPath("$.data").doesNotExist();
        typename("203.0.113.3", null).expectStatus().isOk(); // another address has its own bucket
    }

    @Test
    void aUserIsLimitedWhicheverAddressTheyComeFrom() {
        String alice = STUBS.bearer("ada");
        typename("203.0.113.10", alice).expectStatus().isOk()
                .expectHeader().valueEquals("X-RateLimit-Limit", "2")
                .expectHeader().valueEquals("X-RateLimit-Remaining", "1");
        typename("203.0.113.11", alice).expectStatus().isOk();
        typename("203.0.113.12", alice).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().exists("Retry-After")
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("RATE_LIMITED");
        typename("203.0.113.12", STUBS.bearer("bob")).expectStatus().isOk();
    }

    @Test
    void inventingUsersDoesNotEscapeTheAddressLimit() {
        // Forged tokens are refused (401) by the token check after the limits, but they are charged to the address.
        for (String user : new String[]{"u1", "u2", "u3"}) {
            typename("203.0.113.20", "Bearer " + TokenSubjectTests.token("{\"sub\":\"" + user + "\"}"))
                    .expectStatus().isUnauthorized();
        }
        typename("203.0.113.20", STUBS.bearer("ada")).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void aClientAskingForGraphQlResponsesGetsItsErrorInThatType() {
        for (int i = 0; i < 3; i++) {
            typename("203.0.113.30", null).expectStatus().isOk();
        }
        http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).header("X-Forwarded-For", "203.0.113.30")
                .accept(MediaType.parseMediaType("application/graphql-response+json"))
                .bodyValue("{\"query\":\"{ __typename }\"}").exchange()
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("application/graphql-response+json"));
    }

    @Test
    void healthIsNotCounted() {
        http.get().uri("/health").header("X-Forwarded-For", "203.0.113.40").exchange().expectStatus().isOk()
                .expectHeader().doesNotExist("X-RateLimit-Limit");
    }

    @Test
    void aWebSocketUpgradeAndEachOperationSentOverItTakeATokenFromTheAddress() {
        Map<String, String> from = Map.of("X-Forwarded-For", "203.0.113.70");
        try (SocketClient client = SocketClient.connect(port, "graphql-transport-ws", from)) { // token 1
            client.send(Map.of("type", "connection_init"));
            assertThat(client.next().path("type").asString()).isEqualTo("connection_ack");
            for (String id : List.of("1", "2")) { // tokens 2 and 3
                client.send(Map.of("id", id, "type", "subscribe", "payload", Map.of("query", "{ __typename }")));
                assertThat(client.next().path("type").asString()).isEqualTo("next");
                assertThat(client.next().path("type").asString()).isEqualTo("complete");
            }
            client.send(Map.of("id", "3", "type", "subscribe", "payload", Map.of("query", "{ __typename }")));
            JsonNode refused = client.next();
            assertThat(refused.path("type").asString()).isEqualTo("error");
            assertThat(refused.path("payload").get(0).path("extensions").path("code").asString())
                    .isEqualTo("RATE_LIMITED");
            assertThat(refused.path("payload").get(0).path("extensions").path("retryAfter").asLong()).isPositive();
        }
        SocketClient refused = SocketClient.attempt(port, "graphql-transport-ws", from);
        assertThat(refused.handshakeFailure()).as("the upgrade is a request too").isNotNull()
                .hasMessageContaining("429");
        refused.close();
    }
}
