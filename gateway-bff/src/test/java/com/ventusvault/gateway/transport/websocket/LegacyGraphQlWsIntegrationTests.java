package com.ventusvault.gateway.transport.websocket;

import com.ventusvault.gateway.GatewayApplication;
import com.ventusvault.gateway.stubs.SocketClient;
import com.ventusvault.gateway.stubs.VentusStubs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Map;

import static com.ventusvault.gateway.transport.websocket.Operations.BALANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The legacy {@code graphql-ws} subprotocol (subscriptions-transport-ws, graphql_flutter's default) through the
 * gateway on real sockets: {@code connection_init}, {@code connection_ack} and {@code ka}, {@code start},
 * {@code data}, {@code error}, {@code complete}, {@code stop}, {@code connection_terminate}. Upstream, the gateway
 * still speaks graphql-transport-ws to the subgraphs. Issue 6.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=gateway", "gateway.supergraph=file:../schema/supergraph.graphql",
                "gateway.subscriptions.upstream-idle-timeout=0s"})
class LegacyGraphQlWsIntegrationTests {

    private static final String PROTOCOL = "graphql-ws";

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
    void theAcknowledgementIsFollowedByAKeepAlive() {
        try (SocketClient client = SocketClient.connect(port, PROTOCOL)) {
            assertThat(client.selectedSubprotocol()).isEqualTo(PROTOCOL);
            client.send(Map.of("type", "connection_init", "payload", Map.of("authToken", token("ada"))));
            assertThat(client.next().toString()).isEqualTo("{\"type\":\"connection_ack\"}");
            await().atMost(Duration.ofSeconds(5)).until(() -> client.keepAlives() > 0);
        }
    }

    @Test
    void startSendsEachEventAsDataWithTheEntityFetchedFromAnotherSubgraph() {
        try (SocketClient client = initialised("ada")) {
            client.send(start("1", BALANCE, Map.of("w", "w1")));
            awaitSubscribers(1);

            STUBS.payments.publish("balanceUpdated", VentusStubs.balanceUpdate("w1", "42.00", 12));

            JsonNode data = client.next();
            assertThat(data.path("type").asString()).isEqualTo("data");
            assertThat(data.path("id").asString()).isEqualTo("1");
            assertThat(data.path("payload").toString()).isEqualTo("{\"data\":{\"balanceUpdated\":{\"version\":12,"
                    + "\"balance\":{\"amount\":\"42.00\",\"currency\":\"USD\"},"
                    + "\"wallet\":{\"id\":\"w1\",\"owner\":{\"displayName\":\"Ada\"}}}}}");
            assertThat(STUBS.requestsTo("accounts")).hasSize(1);
        }
    }

    @Test
    void stopIsAnsweredWithCompleteAndEndsTheSubscriptionAtTheSubgraph() {
        try (SocketClient client = initialised("ada")) {
            client.send(start("1", BALANCE, Map.of("w", "w1")));
            awaitSubscribers(1);

            client.send(Map.of("type", "stop", "id", "1"));

            assertThat(client.next().toString()).isEqualTo("{\"id\":\"1\",\"type\":\"complete\"}");
            await().atMost(Duration.ofSeconds(10)).until(() -> !STUBS.payments.completedByGateway().isEmpty());
            awaitSubscribers(0);
        }
    }

    @Test
    void aSubscriptionTheSubgraphRefusesGetsAnErrorMessage() {
        try (SocketClient client = initialised("bob")) {
            client.send(start("1", BALANCE, Map.of("w", "w1"))); // Ada's wallet

            JsonNode error = client.next();
            assertThat(error.path("type").asString()).isEqualTo("error");
            assertThat(error.path("id").asString()).isEqualTo("1");
            assertThat(error.path("payload").get(0).path("extensions").path("code").asString())
                    .isEqualTo("FORBIDDEN");
        }
    }

    @Test
    void queriesAnswerWithDataThenComplete() {
        try (SocketClient client = initialised("bob")) {
            client.send(start("q", "query Me { me { displayName } }", Map.of()));
            assertThat(client.next().toString())
                    .isEqualTo("{\"id\":\"q\",\"type\":\"data\",\"payload\":{\"data\":{\"me\":{\"displayName\":\"Bob\"}}}}");
            assertThat(client.next().toString()).isEqualTo("{\"id\":\"q\",\"type\":\"complete\"}");
        }
    }

    @Test
    void aRefusedTokenGetsConnectionErrorThenClose4403() {
        try (SocketClient client = SocketClient.connect(port, PROTOCOL)) {
            client.send(Map.of("type", "connection_init", "payload", Map.of("authToken", "not-a-jwt")));
            JsonNode error = client.next();
            assertThat(error.path("type").asString()).isEqualTo("connection_error");
            assertThat(error.path("payload").path("message").asString()).startsWith("The access token was refused");
            assertThat(client.awaitClose().code()).isEqualTo(4403);
        }
    }

    @Test
    void connectionTerminateClosesTheConnectionAndItsSubscriptions() {
        try (SocketClient client = initialised("ada")) {
            client.send(start("1", BALANCE, Map.of("w", "w1")));
            awaitSubscribers(1);

            client.send(Map.of("type", "connection_terminate"));

            assertThat(client.awaitClose().code()).isEqualTo(1000);
            awaitSubscribers(0);
            assertThat(STUBS.payments.completedByGateway()).hasSize(1);
        }
    }

    @Test
    void aMessageOfTheOtherProtocolClosesWith4400() {
        try (SocketClient client = initialised("ada")) {
            client.send(Map.of("type", "subscribe", "id", "1", "payload", Map.of("query", "{ __typename }")));
            assertThat(client.awaitClose().code()).isEqualTo(4400);
        }
    }

    @Test
    void whenTheSubgraphRestartsTheSubscriptionGetsAnErrorAndCanStartAgain() {
        try (SocketClient client = initialised("ada")) {
            client.send(start("1", BALANCE, Map.of("w", "w1")));
            awaitSubscribers(1);

            STUBS.payments.stop();
            JsonNode error = client.next();
            STUBS.payments.restart();

            assertThat(error.path("type").asString()).isEqualTo("error");
            assertThat(error.path("payload").get(0).path("extensions").path("code").asString())
                    .isEqualTo("SUBGRAPH_UNAVAILABLE");
            client.send(start("1", BALANCE, Map.of("w", "w1")));
            awaitSubscribers(1);
            STUBS.payments.publish("balanceUpdated", VentusStubs.balanceUpdate("w1", "1.00", 13));
            assertThat(client.next().path("type").asString()).isEqualTo("data");
        }
    }

    SocketClient initialised(String name) {
        SocketClient client = SocketClient.connect(port, PROTOCOL);
        client.send(Map.of("type", "connection_init", "payload", Map.of("authToken", token(name))));
        assertThat(client.next().path("type").asString()).isEqualTo("connection_ack");
        return client;
    }

    static String token(String name) {
        return STUBS.bearer(name).substring("Bearer ".length());
    }

    static Map<String, Object> start(String id, String query, Map<String, Object> variables) {
        return Map.of("id", id, "type", "start", "payload", Map.of("query", query, "variables", variables));
    }

    static void awaitSubscribers(int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> STUBS.payments.subscribers("balanceUpdated") == count);
    }
}
