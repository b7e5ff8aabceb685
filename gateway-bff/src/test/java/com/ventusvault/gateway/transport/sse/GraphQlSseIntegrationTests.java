package com.ventusvault.gateway.transport.sse;

import com.ventusvault.gateway.GatewayApplication;
import com.ventusvault.gateway.stubs.VentusStubs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * GraphQL over Server-Sent Events (graphql-sse's distinct connections mode) through the gateway on real sockets:
 * {@code POST /graphql} with {@code Accept: text/event-stream}. Issue 6.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=gateway", "gateway.supergraph=file:../schema/supergraph.graphql",
                "gateway.subscriptions.keep-alive=1s", "gateway.subscriptions.upstream-idle-timeout=0s"})
class GraphQlSseIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BALANCE = "subscription($w: ID!) { balanceUpdated(walletId: $w) { version "
            + "wallet { owner { displayName } } } }";

    @RegisterExtension
    static final VentusStubs STUBS = new VentusStubs();

    @LocalServerPort
    int port;

    @BeforeEach
    void clear() {
        STUBS.log.clear();
        STUBS.payments.clearSocketLog();
    }

    @Test
    void aSubscriptionStreamsNextEventsCompletedByOtherSubgraphs() {
        try (SseStream stream = SseStream.post(port, request(BALANCE, "w1"), ada())) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.contentType()).startsWith("text/event-stream");
            awaitSubscribers(1);

            STUBS.payments.publish("balanceUpdated", VentusStubs.balanceUpdate("w1", "3.00", 21));
            STUBS.payments.publish("balanceUpdated", VentusStubs.balanceUpdate("w1", "4.00", 22));

            SseStream.Event first = stream.next();
            assertThat(first.event()).isEqualTo("next");
            assertThat(first.data()).isEqualTo("{\"data\":{\"balanceUpdated\":{\"version\":21,"
                    + "\"wallet\":{\"owner\":{\"displayName\":\"Ada\"}}}}}");
            assertThat(stream.next().data()).contains("\"version\":22");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> !STUBS.payments.completedByGateway().isEmpty());
        awaitSubscribers(0);
    }

    @Test
    void aQueryIsOneNextEventThenComplete() {
        try (SseStream stream = SseStream.post(port, "{\"query\":\"{ me { displayName } }\"}", ada())) {
            assertThat(stream.next()).isEqualTo(new SseStream.Event("next",
                    "{\"data\":{\"me\":{\"displayName\":\"Ada\"}}}"));
            assertThat(stream.next()).isEqualTo(new SseStream.Event("complete", ""));
            assertThat(stream.body()).endsWith("event: complete\ndata:\n\n");
        }
    }

    @Test
    void validationErrorsAreANextEventNotA4xx() {
        try (SseStream stream = SseStream.post(port, "{\"query\":\"subscription { nope }\"}", ada())) {
            assertThat(stream.status()).isEqualTo(200);
            JsonNode result = JSON.readTree(stream.next().data());
            assertThat(result.path("errors").get(0).path("extensions").path("code").asString())
                    .isEqualTo("GRAPHQL_VALIDATION_FAILED");
            assertThat(stream.next().event()).isEqualTo("complete");
        }
    }

    @Test
    void aSubscriptionTheSubgraphRefusesIsANextEventWithItsErrorsThenComplete() {
        try (SseStream stream = SseStream.post(port, request(BALANCE, "w3"), ada())) { // Bob's wallet
            JsonNode result = JSON.readTree(stream.next().data());
            assertThat(result.path("errors").get(0).path("extensions").path("code").asString()).isEqualTo("FORBIDDEN");
            assertThat(stream.next().event()).isEqualTo("complete");
        }
    }

    @Test
    void anAnonymousSubscriptionToAWalletIsRefusedByTheAccessRules() {
        try (SseStream stream = SseStream.post(port, request(BALANCE, "w1"), Map.of())) {
            JsonNode result = JSON.readTree(stream.next().data());
            assertThat(result.path("errors").get(0).path("extensions").path("code").asString())
                    .isEqualTo("UNAUTHENTICATED");
            assertThat(stream.next().event()).isEqualTo("complete");
        }
        assertThat(STUBS.payments.subscriptions()).isEmpty();
    }

    @Test
    void aRefusedTokenIs401AsForAnyHttpRequest() {
        try (SseStream stream = SseStream.post(port, request(BALANCE, "w1"), Map.of("Authorization", "Bearer nope"))) {
            assertThat(stream.status()).isEqualTo(401);
            assertThat(stream.contentType()).startsWith("application/json");
            assertThat(stream.body()).contains("UNAUTHENTICATED");
        }
    }

    @Test
    void aMalformedRequestIs400() {
        try (SseStream stream = SseStream.post(port, "{\"variables\":{}}", ada())) {
            assertThat(stream.status()).isEqualTo(400);
            assertThat(stream.body()).contains("The request has no query");
        }
    }

    @Test
    void whenTheSubgraphRestartsTheStreamGetsTheErrorAndCompletes() {
        try (SseStream stream = SseStream.post(port, request(BALANCE, "w1"), ada())) {
            awaitSubscribers(1);
            STUBS.payments.stop();
            JsonNode result = JSON.readTree(stream.next().data());
            STUBS.payments.restart();
            assertThat(result.path("errors").get(0).path("extensions").path("code").asString())
                    .isEqualTo("SUBGRAPH_UNAVAILABLE");
            assertThat(stream.next().event()).isEqualTo("complete");
            stream.body(); // the response ends
        }
        try (SseStream again = SseStream.post(port, request(BALANCE, "w1"), ada())) {
            awaitSubscribers(1);
            STUBS.payments.publish("balanceUpdated", VentusStubs.balanceUpdate("w1", "9.00", 23));
            assertThat(again.next().data()).contains("\"version\":23");
        }
    }

    @Test
    void aSubscriptionAskingForOneJsonResponseIsRefusedWithBadRequest() {
        try (SseStream plain = SseStream.post(port, request(BALANCE, "w1"), Map.of("Accept", "application/json",
                "Authorization", STUBS.bearer("ada")))) {
            assertThat(plain.status()).isEqualTo(200);
            JsonNode body = JSON.readTree(plain.body());
            assertThat(body.path("errors").get(0).path("extensions").path("code").asString()).isEqualTo("BAD_REQUEST");
            assertThat(body.path("errors").get(0).path("message").asString()).contains("text/event-stream");
        }
        assertThat(STUBS.payments.subscriptions()).isEmpty();
    }

    @Test
    void aQuietStreamGetsKeepAliveComments() {
        try (SseStream stream = SseStream.post(port, request(BALANCE, "w1"), ada())) {
            await().atMost(Duration.ofSeconds(5)).until(() -> stream.keepAlives() > 0);
            assertThat(stream.ended()).isFalse();
        }
    }

    private static Map<String, String> ada() {
        return Map.of("Authorization", STUBS.bearer("ada"));
    }

    private static String request(String query, String wallet) {
        return JSON.writeValueAsString(Map.of("query", query, "variables", Map.of("w", wallet)));
    }

    private static void awaitSubscribers(int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> STUBS.payments.subscribers("balanceUpdated") == count);
    }
}
