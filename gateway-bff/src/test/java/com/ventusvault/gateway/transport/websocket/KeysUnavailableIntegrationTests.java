package com.ventusvault.gateway.transport.websocket;

import com.ventusvault.gateway.GatewayApplication;
import com.ventusvault.gateway.stubs.SocketClient;
import com.ventusvault.gateway.stubs.VentusStubs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the keys that sign access tokens cannot be fetched, a WebSocket whose {@code connection_init} carries a token
 * is closed with 4500 (the gateway's failure, not the client's: HTTP answers 503 for the same reason), while an
 * anonymous connection is still acknowledged. Issue 6.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=gateway", "gateway.supergraph=file:../schema/supergraph.graphql"})
class KeysUnavailableIntegrationTests {

    private static final VentusStubs STUBS = new VentusStubs();

    @DynamicPropertySource
    static void subgraphs(DynamicPropertyRegistry registry) {
        registry.add("ventus.auth.jwks-uri", () -> "http://127.0.0.1:" + unusedPort() + "/.well-known/jwks.json");
        STUBS.urls().forEach((name, url) -> registry.add("gateway.subgraphs." + name + ".url", () -> url));
    }

    @AfterAll
    static void stop() {
        STUBS.close();
    }

    @LocalServerPort
    int port;

    @Test
    void aTokenThatCannotBeVerifiedClosesWith4500() {
        try (SocketClient client = SocketClient.connect(port, "graphql-transport-ws")) {
            client.send(Map.of("type", "connection_init", "payload", Map.of("Authorization", STUBS.bearer("ada"))));
            var status = client.awaitClose();
            assertThat(status.code()).isEqualTo(4500);
            assertThat(status.reasonText()).contains("cannot be verified");
        }
        try (SocketClient anonymous = SocketClient.connect(port, "graphql-transport-ws")) {
            anonymous.send(Map.of("type", "connection_init"));
            assertThat(anonymous.next().path("type").asString()).isEqualTo("connection_ack");
        }
    }

    private static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
