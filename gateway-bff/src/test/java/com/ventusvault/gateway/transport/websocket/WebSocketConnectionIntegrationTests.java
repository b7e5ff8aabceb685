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

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.ventusvault.gateway.transport.websocket.Operations.BALANCE;
import static com.ventusvault.gateway.transport.websocket.Operations.PROTOCOL;
import static com.ventusvault.gateway.transport.websocket.Operations.subscribe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A GraphQL WebSocket connection's rules, over real sockets: graphql-ws's close codes, the {@code Origin} check that
 * replaces the header CSRF rule for upgrades, and the caps on concurrent subscriptions per connection and per user.
 * Issue 6.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=gateway", "gateway.supergraph=file:../schema/supergraph.graphql",
                "gateway.subscriptions.connection-init-timeout=1s",
                "gateway.limits.subscriptions.max-per-connection=2", "gateway.limits.subscriptions.max-per-user=3",
                "gateway.limits.csrf.allowed-origins=https://app.ventusvault.example",
                "gateway.subscriptions.max-queued-messages=20"})
class WebSocketConnectionIntegrationTests {

    @RegisterExtension
    static final VentusStubs STUBS = new VentusStubs();

    @LocalServerPort
    int port;

    @BeforeEach
    void clear() {
        STUBS.payments.clearSocketLog();
    }

    @Test
    void aMessageThatIsNotJsonClosesWith4400() {
        try (SocketClient client = SocketClient.connect(port, PROTOCOL)) {
            client.send("{not json");
            assertThat(client.awaitClose().code()).isEqualTo(4400);
        }
    }

    @Test
    void anUnknownMessageTypeClosesWith4400SayingWhy() {
        try (SocketClient client = SocketClient.connect(port, PROTOCOL)) {
            client.send(Map.of("type", "connection_init"));
            client.next();
            client.send(Map.of("type", "start", "id", "1", "payload", Map.of("query", "{ __typename }")));
            var status = client.awaitClose();
            assertThat(status.code()).isEqualTo(4400);
            assertThat(status.reasonText()).contains("unknown type 'start'");
        }
    }

    @Test
    void aSubscribeWithoutAQueryClosesWith4400() {
        try (SocketClient client = acknowledged("ada")) {
            client.send(Map.of("type", "subscribe", "id", "1", "payload", Map.of("variables", Map.of())));
            assertThat(client.awaitClose().code()).isEqualTo(4400);
        }
    }

    @Test
    void subscribingBeforeTheAcknowledgementClosesWith4401() {
        try (SocketClient client = SocketClient.connect(port, PROTOCOL)) {
            client.send(subscribe("1", "{ __typename }", Map.of()));
            var status = client.awaitClose();
            assertThat(status.code()).isEqualTo(4401);
            assertThat(status.reasonText()).isEqualTo("Unauthorized");
        }
    }

    @Test
    void aClientThatAsksForNoGraphQlSubprotocolIsClosedWith4406() {
        try (SocketClient client = SocketClient.connect(port, null)) {
            var status = client.awaitClose();
            assertThat(status.code()).isEqualTo(4406);
            assertThat(status.reasonText()).isEqualTo("Subprotocol not acceptable");
        }
    }

    @Test
    void aConnectionWithoutConnectionInitIsClosedWith4408AfterTheTimeout() {
        try (SocketClient client = SocketClient.connect(port, PROTOCOL)) {
            var status = client.awaitClose();
            assertThat(status.code()).isEqualTo(4408);
            assertThat(status.reasonText()).isEqualTo("Connection initialisation timeout");
        }
    }

    @Test
    void anAcknowledgedConnectionOutlivesTheInitTimeout() {
        try (SocketClient client = acknowledged("ada")) {
            assertThat(client.poll(Duration.ofMillis(1500))).isNull();
            assertThat(client.isClosed()).isFalse();
        }
    }

    @Test
    void anOperationIdThatIsRunningAlreadyClosesWith4409() {
        try (SocketClient client = acknowledged("ada")) {
            client.send(subscribe("same", BALANCE, Map.of("w", "w1")));
            client.send(subscribe("same", BALANCE, Map.of("w", "w1")));
            var status = client.awaitClose();
            assertThat(status.code()).isEqualTo(4409);
            assertThat(status.reasonText()).isEqualTo("Subscriber for same already exists");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> STUBS.payments.subscribers("balanceUpdated") == 0);
    }

    @Test
    void aSecondConnectionInitClosesWith4429() {
        try (SocketClient client = acknowledged("ada")) {
            client.send(Map.of("type", "connection_init"));
            var status = client.awaitClose();
            assertThat(status.code()).isEqualTo(4429);
            assertThat(status.reasonText()).isEqualTo("Too many initialisation requests");
        }
    }

    @Test
    void aRefusedTokenClosesWith4403AndAnAcceptedOneIsAcknowledged() {
        try (SocketClient refused = SocketClient.connect(port, PROTOCOL)) {
            refused.send(Map.of("type", "connection_init", "payload", Map.of("Authorization", "Bearer "
                    + STUBS.tokens().tokenSignedByAnotherKey(java.util.UUID.randomUUID(), "ada@vv.io"))));
            var status = refused.awaitClose();
            assertThat(status.code()).isEqualTo(4403);
            assertThat(status.reasonText()).isEqualTo("Forbidden");
        }
        try (SocketClient accepted = acknowledged("bob")) {
            assertThat(accepted.isClosed()).isFalse();
        }
    }

    @Test
    void anUpgradeFromAForeignOriginIsRefusedWith403BeforeUpgrading() {
        SocketClient refused = SocketClient.attempt(port, PROTOCOL, Map.of("Origin", "https://evil.example"));
        assertThat(refused.handshakeFailure()).isNotNull().hasMessageContaining("403");
        refused.close();
    }

    @Test
    void anUpgradeWithoutOriginFromTheGatewaysOwnOriginOrAnAllowedOneIsAccepted() {
        for (Map<String, String> headers : List.of(Map.<String, String>of(),
                Map.of("Origin", "https://app.ventusvault.example"),
                Map.of("Origin", "HTTPS://APP.VENTUSVAULT.EXAMPLE:443"),
                Map.of("Origin", "http://127.0.0.1:" + port))) {
            try (SocketClient client = SocketClient.connect(port, PROTOCOL, headers)) {
                client.send(Map.of("type", "connection_init"));
                assertThat(client.next().path("type").asString()).as(headers.toString()).isEqualTo("connection_ack");
            }
        }
    }

    @Test
    void aConnectionRunsAtMostMaxPerConnectionSubscriptionsAtOnce() {
        try (SocketClient client = acknowledged("ada")) {
            client.send(subscribe("1", BALANCE, Map.of("w", "w1")));
            client.send(subscribe("2", BALANCE, Map.of("w", "w2")));
            await().atMost(Duration.ofSeconds(10)).until(() -> STUBS.payments.subscribers("balanceUpdated") == 2);
            client.send(subscribe("3", BALANCE, Map.of("w", "w1")));

            JsonNode refused = client.next();
            assertThat(refused.path("type").asString()).isEqualTo("error");
            assertThat(refused.path("id").asString()).isEqualTo("3");
            assertThat(refused.path("payload").get(0).path("extensions").path("code").asString())
                    .isEqualTo("LIMIT_EXCEEDED");
            assertThat(refused.path("payload").get(0).path("extensions").path("limit").asInt()).isEqualTo(2);

            client.send(subscribe("q", "{ me { displayName } }", Map.of())); // queries are not subscriptions
            assertThat(client.next().path("type").asString()).isEqualTo("next");
            assertThat(client.next().path("type").asString()).isEqualTo("complete");

            client.send(Map.of("id", "1", "type", "complete"));
            await().atMost(Duration.ofSeconds(10)).until(() -> STUBS.payments.subscribers("balanceUpdated") == 1);
            client.send(subscribe("3", BALANCE, Map.of("w", "w1")));
            await().atMost(Duration.ofSeconds(10)).until(() -> STUBS.payments.subscribers("balanceUpdated") == 2);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> STUBS.payments.subscribers("balanceUpdated") == 0);
    }

    @Test
    void aUserRunsAtMostMaxPerUserSubscriptionsOverAllConnections() {
        List<SocketClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                clients.add(acknowledged("ada"));
            }
            clients.get(0).send(subscribe("1", BALANCE, Map.of("w", "w1")));
            clients.get(0).send(subscribe("2", BALANCE, Map.of("w", "w2")));
            clients.get(1).send(subscribe("1", BALANCE, Map.of("w", "w1")));
            await().atMost(Duration.ofSeconds(10)).until(() -> STUBS.payments.subscribers("balanceUpdated") == 3);

            clients.get(1).send(subscribe("2", BALANCE, Map.of("w", "w2")));
            JsonNode refused = clients.get(1).next();
            assertThat(refused.path("type").asString()).isEqualTo("error");
            assertThat(refused.path("payload").get(0).path("extensions").path("code").asString())
                    .isEqualTo("LIMIT_EXCEEDED");
            assertThat(refused.path("payload").get(0).path("message").asString()).contains("for this user");

            try (SocketClient bob = acknowledged("bob")) { // another user is not affected
                bob.send(subscribe("1", BALANCE, Map.of("w", "w3")));
                await().atMost(Duration.ofSeconds(10)).until(() -> STUBS.payments.subscribers("balanceUpdated") == 4);
            }
        } finally {
            clients.forEach(SocketClient::close);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> STUBS.payments.subscribers("balanceUpdated") == 0);
    }

    @Test
    void aClientThatStopsReadingIsDisconnectedInsteadOfBufferedForever() throws Exception {
        try (Socket raw = new Socket("127.0.0.1", port)) { // a client that stops reading once acknowledged
            OutputStream out = raw.getOutputStream();
            out.write(("GET /graphql HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: graphql-transport-ws\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            var in = raw.getInputStream(); // read the handshake and the acknowledgement, then never again
            readUntil(in, "\r\n\r\n");
            out.write(textFrame("{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\""
                    + STUBS.bearer("ada") + "\"}}"));
            out.flush();
            readUntil(in, "connection_ack");
            out.write(textFrame("{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":"
                    + "\"subscription { balanceUpdated(walletId: \\\"w1\\\") { version balance { amount } } }\"}}"));
            out.flush();
            await().atMost(Duration.ofSeconds(10)).until(() -> STUBS.payments.subscribers("balanceUpdated") == 1);

            String big = "9".repeat(20_000); // fills the socket buffers quickly
            for (int i = 0; i < 2_000 && STUBS.payments.subscribers("balanceUpdated") > 0; i++) {
                STUBS.payments.publish("balanceUpdated", VentusStubs.balanceUpdate("w1", big, i));
            }

            await().atMost(Duration.ofSeconds(20)).until(() -> STUBS.payments.subscribers("balanceUpdated") == 0);
        }
    }

    private static void readUntil(java.io.InputStream in, String expected) throws IOException {
        StringBuilder seen = new StringBuilder();
        while (!seen.toString().contains(expected)) {
            int b = in.read();
            assertThat(b).as("the connection closed before %s; got %s", expected, seen).isNotNegative();
            seen.append((char) b);
        }
    }

    /** A masked (all-zero mask) text frame, as clients must send them. */
    private static byte[] textFrame(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        var frame = new java.io.ByteArrayOutputStream();
        frame.write(0x81);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else {
            frame.write(0x80 | 126);
            frame.write(payload.length >> 8);
            frame.write(payload.length & 0xFF);
        }
        frame.writeBytes(new byte[4]);
        frame.writeBytes(payload);
        return frame.toByteArray();
    }

    SocketClient acknowledged(String name) {
        SocketClient client = SocketClient.connect(port, PROTOCOL);
        client.send(Map.of("type", "connection_init", "payload", Map.of("Authorization", STUBS.bearer(name))));
        assertThat(client.next().path("type").asString()).isEqualTo("connection_ack");
        return client;
    }
}
