package com.ventusvault.gateway.transport.websocket;

import com.ventusvault.gateway.GatewayApplication;
import com.ventusvault.gateway.execution.subscriptions.UpstreamSubscriptions;
import com.ventusvault.gateway.stubs.SocketClient;
import com.ventusvault.gateway.stubs.VentusStubs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.ventusvault.gateway.transport.websocket.Operations.BALANCE;
import static com.ventusvault.gateway.transport.websocket.Operations.PROTOCOL;
import static com.ventusvault.gateway.transport.websocket.Operations.subscribe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Subscriptions through the gateway over graphql-transport-ws (the graphql-ws library's protocol), on real sockets:
 * client to gateway, gateway to stub subgraphs serving graphql-transport-ws, entity fetches over HTTP. Issue 6.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=gateway", "gateway.supergraph=file:../schema/supergraph.graphql",
                "gateway.subscriptions.keep-alive=1s", "gateway.subscriptions.upstream-idle-timeout=0s"})
class GraphQlTransportWsIntegrationTests {

    @RegisterExtension
    static final VentusStubs STUBS = new VentusStubs();

    @LocalServerPort
    int port;

    @Autowired
    UpstreamSubscriptions upstream;

    @BeforeEach
    void clear() {
        STUBS.log.clear();
        STUBS.payments.clearSocketLog();
        STUBS.markets.clearSocketLog();
    }

    @Test
    void eachEventIsCompletedWithAnEntityFetchToAnotherSubgraph() {
        try (SocketClient client = connectedAs("ada")) {
            client.send(subscribe("1", BALANCE, Map.of("w", "w1")));
            awaitSubscribers("balanceUpdated", 1);

            STUBS.payments.publish("balanceUpdated", VentusStubs.balanceUpdate("w1", "12.50", 7));
            STUBS.payments.publish("balanceUpdated", VentusStubs.balanceUpdate("w1", "13.00", 8));

            JsonNode first = client.next();
            assertThat(first.path("type").asString()).isEqualTo("next");
            assertThat(first.path("id").asString()).isEqualTo("1");
            assertThat(first.path("payload")).isEqualTo(SocketClient.JSON.readTree("""
                    {"data":{"balanceUpdated":{"version":7,"balance":{"amount":"12.50","currency":"USD"},
                     "wallet":{"id":"w1","owner":{"displayName":"Ada"}}}}}"""));
            assertThat(client.next().path("payload").path("data").path("balanceUpdated").path("version").asInt())
                    .isEqualTo(8);
        }
        assertThat(STUBS.requestsTo("accounts")).hasSize(2)
                .allSatisfy(request -> assertThat(request.query()).contains("_entities"));
    }

    @Test
    void theSubgraphConnectionCarriesTheClientsTokenAndRequestIdInConnectionInit() {
        try (SocketClient client = connectedAs("ada")) {
            client.send(subscribe("1", BALANCE, Map.of("w", "w1")));
            awaitSubscribers("balanceUpdated", 1);

            Map<String, Object> init = STUBS.payments.connectionInits().getLast();
            assertThat(init.get("Authorization")).isEqualTo(STUBS.bearer("ada"));
            assertThat((String) init.get("X-Request-Id")).matches("[A-Za-z0-9._:-]{1,128}");
            assertThat(STUBS.payments.subscriptions().getLast().query())
                    .startsWith("subscription").contains("balanceUpdated").contains("owner{__typename id}");
        }
    }

    @Test
    void anErrorFromTheSubgraphReachesTheClientAsAnErrorMessage() {
        try (SocketClient client = connectedAs("ada")) {
            client.send(subscribe("bobs", BALANCE, Map.of("w", "w3"))); // Bob's wallet

            JsonNode error = client.next();
            assertThat(error.path("type").asString()).isEqualTo("error");
            assertThat(error.path("id").asString()).isEqualTo("bobs");
            JsonNode first = error.path("payload").get(0);
            assertThat(first.path("extensions").path("code").asString()).isEqualTo("FORBIDDEN");
            assertThat(first.path("extensions").path("serviceName").asString()).isEqualTo("payments");
            assertThat(first.path("path").toString()).isEqualTo("[\"balanceUpdated\"]");
            assertThat(client.poll(Duration.ofMillis(300))).as("nothing after error").isNull();
        }
    }

    @Test
    void theClientsCompleteEndsTheSubscriptionAtTheSubgraph() {
        try (SocketClient client = connectedAs("ada")) {
            client.send(subscribe("1", BALANCE, Map.of("w", "w1")));
            awaitSubscribers("balanceUpdated", 1);

            client.send(Map.of("id", "1", "type", "complete"));

            await().atMost(Duration.ofSeconds(10)).until(() -> !STUBS.payments.completedByGateway().isEmpty());
            awaitSubscribers("balanceUpdated", 0);
            STUBS.payments.publish("balanceUpdated", VentusStubs.balanceUpdate("w1", "1.00", 9));
            assertThat(client.poll(Duration.ofMillis(300))).as("nothing after complete").isNull();
        }
    }

    @Test
    void aClientThatDisconnectsEndsItsSubscriptionsAtTheSubgraph() {
        SocketClient client = connectedAs("ada");
        client.send(subscribe("1", BALANCE, Map.of("w", "w1")));
        client.send(subscribe("2", BALANCE, Map.of("w", "w2")));
        awaitSubscribers("balanceUpdated", 2);

        client.drop();

        await().atMost(Duration.ofSeconds(10)).until(() -> STUBS.payments.completedByGateway().size() == 2);
        awaitSubscribers("balanceUpdated", 0);
    }

    @Test
    void concurrentSubscriptionsOnOneConnectionEachGetTheirOwnEventsOverOneSubgraphConnection() {
        try (SocketClient client = connectedAs("ada")) {
            client.send(subscribe("usd", BALANCE, Map.of("w", "w1")));
            client.send(subscribe("btc", BALANCE, Map.of("w", "w2")));
            client.send(subscribe("rates", "subscription { rateUpdated(pairs: [\"BTC/USDT\"]) { pair price } }",
                    Map.of()));
            awaitSubscribers("balanceUpdated", 2);
            await().atMost(Duration.ofSeconds(10)).until(() -> STUBS.markets.subscribers("rateUpdated") == 1);

            STUBS.payments.publish("balanceUpdated", VentusStubs.balanceUpdate("w2", "0.50000000", 3));
            STUBS.markets.publish("rateUpdated", VentusStubs.rateTick("BTC/USDT", "97000.00"));
            STUBS.payments.publish("balanceUpdated", VentusStubs.balanceUpdate("w1", "20.00", 4));

            List<JsonNode> messages = List.of(client.next(), client.next(), client.next());
            assertThat(messages).extracting(m -> m.path("id").asString() + ":" + m.path("payload").path("data"))
                    .containsExactlyInAnyOrder(
                            "btc:{\"balanceUpdated\":{\"version\":3,\"balance\":{\"amount\":\"0.50000000\","
                                    + "\"currency\":\"BTC\"},\"wallet\":{\"id\":\"w2\",\"owner\":{\"displayName\":\"Ada\"}}}}",
                            "rates:{\"rateUpdated\":{\"pair\":\"BTC/USDT\",\"price\":\"97000.00\"}}",
                            "usd:{\"balanceUpdated\":{\"version\":4,\"balance\":{\"amount\":\"20.00\","
                                    + "\"currency\":\"USD\"},\"wallet\":{\"id\":\"w1\",\"owner\":{\"displayName\":\"Ada\"}}}}");
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(STUBS.payments.openSockets())
                    .as("one payments connection for Ada's token").isEqualTo(1));
        }
    }

    @Test
    void subscriptionsOfOneTokenOnTwoClientConnectionsShareOneSubgraphConnection() {
        try (SocketClient tab1 = connectedAs("ada"); SocketClient tab2 = connectedAs("ada");
             SocketClient bob = connectedAs("bob")) {
            tab1.send(subscribe("1", BALANCE, Map.of("w", "w1")));
            tab2.send(subscribe("1", BALANCE, Map.of("w", "w1")));
            bob.send(subscribe("1", BALANCE, Map.of("w", "w3")));
            awaitSubscribers("balanceUpdated", 3);

            STUBS.payments.publish("balanceUpdated", VentusStubs.balanceUpdate("w1", "30.00", 10));

            assertThat(tab1.next().path("payload").path("data").path("balanceUpdated").path("version").asInt())
                    .isEqualTo(10);
            assertThat(tab2.next().path("payload").path("data").path("balanceUpdated").path("version").asInt())
                    .isEqualTo(10);
            assertThat(bob.poll(Duration.ofMillis(300))).as("Bob follows another wallet").isNull();
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(STUBS.payments.openSockets())
                    .as("one for Ada's token, one for Bob's").isEqualTo(2));
        }
    }

    @Test
    void whenTheSubgraphRestartsSubscribersGetAnErrorAndCanSubscribeAgain() {
        try (SocketClient client = connectedAs("ada")) {
            client.send(subscribe("1", BALANCE, Map.of("w", "w1")));
            client.send(subscribe("2", BALANCE, Map.of("w", "w2")));
            awaitSubscribers("balanceUpdated", 2);

            STUBS.payments.stop();
            List<JsonNode> errors = List.of(client.next(), client.next());
            STUBS.payments.restart();

            assertThat(errors).extracting(m -> m.path("type").asString() + ":" + m.path("id").asString())
                    .containsExactlyInAnyOrder("error:1", "error:2");
            assertThat(errors).allSatisfy(error -> {
                assertThat(error.path("payload").get(0).path("extensions").path("code").asString())
                        .isEqualTo("SUBGRAPH_UNAVAILABLE");
                assertThat(error.path("payload").get(0).path("path").toString()).isEqualTo("[\"balanceUpdated\"]");
            });

            client.send(subscribe("1", BALANCE, Map.of("w", "w1"))); // the same id is free again
            awaitSubscribers("balanceUpdated", 1);
            STUBS.payments.publish("balanceUpdated", VentusStubs.balanceUpdate("w1", "5.00", 11));
            JsonNode next = client.next();
            assertThat(next.path("id").asString()).isEqualTo("1");
            assertThat(next.path("payload").path("data").path("balanceUpdated").path("version").asInt()).isEqualTo(11);
        }
    }

    @Test
    void aSubscriptionToAnUnavailableSubgraphFailsAtOnce() {
        STUBS.payments.stop();
        try (SocketClient client = connectedAs("bob")) {
            client.send(subscribe("1", BALANCE, Map.of("w", "w3")));
            JsonNode error = client.next();
            assertThat(error.path("type").asString()).isEqualTo("error");
            assertThat(error.path("payload").get(0).path("extensions").path("code").asString())
                    .isEqualTo("SUBGRAPH_UNAVAILABLE");
        } finally {
            STUBS.payments.restart();
        }
    }

    @Test
    void queriesAndMutationsWorkOverTheSocket() {
        try (SocketClient client = connectedAs("ada")) {
            client.send(subscribe("q", "{ me { displayName wallets { currency } } }", Map.of()));
            JsonNode result = client.next();
            assertThat(result.path("type").asString()).isEqualTo("next");
            assertThat(result.path("payload").toString()).isEqualTo("{\"data\":{\"me\":{\"displayName\":\"Ada\","
                    + "\"wallets\":[{\"currency\":\"USD\"},{\"currency\":\"BTC\"}]}}}");
            assertThat(client.next().toString()).isEqualTo("{\"id\":\"q\",\"type\":\"complete\"}");

            client.send(subscribe("m", "mutation { openWallet(currency: \"EUR\") { wallet { id } } }", Map.of()));
            assertThat(client.next().path("payload").toString())
                    .isEqualTo("{\"data\":{\"openWallet\":{\"wallet\":{\"id\":\"w9\"}}}}");
            assertThat(client.next().path("type").asString()).isEqualTo("complete");
        }
    }

    @Test
    void anAnonymousClientMayFollowRatesButNotAWallet() {
        try (SocketClient client = SocketClient.connect(port, PROTOCOL)) {
            client.send(Map.of("type", "connection_init"));
            assertThat(client.next().path("type").asString()).isEqualTo("connection_ack");

            client.send(subscribe("wallet", BALANCE, Map.of("w", "w1")));
            JsonNode refused = client.next();
            assertThat(refused.path("type").asString()).isEqualTo("error");
            assertThat(refused.path("payload").get(0).path("extensions").path("code").asString())
                    .isEqualTo("UNAUTHENTICATED");
            assertThat(refused.path("payload").get(0).path("path").toString()).isEqualTo("[\"balanceUpdated\"]");
            assertThat(STUBS.payments.subscriptions()).as("refused by the gateway, before any subgraph").isEmpty();

            client.send(subscribe("rates", "subscription { rateUpdated(pairs: [\"USD/NGN\"]) { price } }", Map.of()));
            await().atMost(Duration.ofSeconds(10)).until(() -> STUBS.markets.subscribers("rateUpdated") == 1);
            STUBS.markets.publish("rateUpdated", VentusStubs.rateTick("USD/NGN", "1600.00"));
            assertThat(client.next().path("payload").toString())
                    .isEqualTo("{\"data\":{\"rateUpdated\":{\"price\":\"1600.00\"}}}");
            assertThat(STUBS.markets.connectionInits().getLast()).doesNotContainKey("Authorization");
        }
    }

    @Test
    void aTokenTheGatewayRefusesInConnectionInitClosesTheConnectionWith4403() {
        for (String token : List.of("Bearer not-a-jwt",
                "Bearer " + STUBS.tokens().expiredTokenFor(UUID.randomUUID(), "ada@vv.io"),
                "Basic YWRhOnNlY3JldA==")) {
            try (SocketClient client = SocketClient.connect(port, PROTOCOL)) {
                client.send(Map.of("type", "connection_init", "payload", Map.of("Authorization", token)));
                assertThat(client.awaitClose().code()).as(token).isEqualTo(4403);
            }
        }
    }

    @Test
    void theTokenMayComeUnderAnyCaseOfAuthorizationOrAsAuthToken() {
        String token = STUBS.bearer("ada").substring("Bearer ".length());
        for (Map<String, Object> payload : List.<Map<String, Object>>of(Map.of("authorization", "Bearer " + token),
                Map.of("AUTHORIZATION", "Bearer " + token), Map.of("authToken", token), Map.of("token", token))) {
            try (SocketClient client = SocketClient.connect(port, PROTOCOL)) {
                client.send(Map.of("type", "connection_init", "payload", payload));
                assertThat(client.next().path("type").asString()).as(payload.toString()).isEqualTo("connection_ack");
                client.send(subscribe("me", "{ me { displayName } }", Map.of()));
                assertThat(client.next().path("payload").toString()).as(payload.toString())
                        .isEqualTo("{\"data\":{\"me\":{\"displayName\":\"Ada\"}}}");
            }
        }
    }

    @Test
    void pingIsAnsweredWithPongAndIdleConnectionsArePinged() {
        try (SocketClient client = connectedAs("ada")) {
            client.send(Map.of("type", "ping", "payload", Map.of("n", 1)));
            assertThat(client.next().toString()).isEqualTo("{\"type\":\"pong\",\"payload\":{\"n\":1}}");
            await().atMost(Duration.ofSeconds(5)).until(() -> client.keepAlives() > 0);
        }
    }

    @Test
    void documentLimitsApplyToOperationsOverTheSocket() {
        try (SocketClient client = connectedAs("ada")) {
            client.send(subscribe("deep", "subscription { balanceUpdated(walletId: \"w1\") { wallet { owner { "
                    + "wallets { owner { wallets { owner { displayName } } } } } } } }", Map.of()));
            JsonNode error = client.next();
            assertThat(error.path("type").asString()).isEqualTo("error");
            assertThat(error.path("payload").get(0).path("extensions").path("code").asString())
                    .isEqualTo("MAX_DEPTH_EXCEEDED");
        }
    }

    @Test
    void validationErrorsAreSentAsAnErrorMessage() {
        try (SocketClient client = connectedAs("ada")) {
            client.send(subscribe("bad", "subscription { balanceUpdated { nope } }", Map.of()));
            JsonNode error = client.next();
            assertThat(error.path("type").asString()).isEqualTo("error");
            assertThat(error.path("payload").get(0).path("extensions").path("code").asString())
                    .isEqualTo("GRAPHQL_VALIDATION_FAILED");
        }
    }

    @Test
    void everyUpstreamConnectionIsForgottenOnceItsSubscriptionsAreGone() {
        int before = upstream.subscriptions();
        try (SocketClient client = connectedAs("ada")) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                ids.add("s" + i);
                client.send(subscribe("s" + i, BALANCE, Map.of("w", "w1")));
            }
            awaitSubscribers("balanceUpdated", 5);
            assertThat(upstream.subscriptions()).isEqualTo(before + 5);
            ids.forEach(id -> client.send(Map.of("id", id, "type", "complete")));
            await().atMost(Duration.ofSeconds(10)).until(() -> upstream.subscriptions() == before);
        }
    }

    /** A client connected and acknowledged with {@code name}'s token. */
    SocketClient connectedAs(String name) {
        SocketClient client = SocketClient.connect(port, PROTOCOL);
        assertThat(client.selectedSubprotocol()).isEqualTo(PROTOCOL);
        client.send(Map.of("type", "connection_init", "payload", Map.of("Authorization", STUBS.bearer(name))));
        assertThat(client.next().path("type").asString()).isEqualTo("connection_ack");
        return client;
    }

    static void awaitSubscribers(String field, int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> STUBS.payments.subscribers(field) == count);
    }
}
