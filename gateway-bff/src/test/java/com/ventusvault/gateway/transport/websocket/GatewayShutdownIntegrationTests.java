package com.ventusvault.gateway.transport.websocket;

import com.ventusvault.gateway.GatewayApplication;
import com.ventusvault.gateway.stubs.SocketClient;
import com.ventusvault.gateway.stubs.VentusStubs;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.http.client.ReactorResourceFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.ventusvault.gateway.transport.websocket.Operations.BALANCE;
import static com.ventusvault.gateway.transport.websocket.Operations.subscribe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A gateway that stops closes its WebSockets with 1001 and ends their subscriptions at the subgraphs at once,
 * instead of keeping the graceful shutdown waiting for sockets that never end by themselves. Issue 6.
 */
class GatewayShutdownIntegrationTests {

    @Test
    void stoppingTheGatewayClosesSocketsWith1001AndEndsTheirSubscriptionsAtTheSubgraphs() {
        try (VentusStubs stubs = new VentusStubs()) {
            List<String> args = new ArrayList<>(List.of("--server.port=0",
                    "--gateway.supergraph=file:../schema/supergraph.graphql",
                    "--ventus.auth.jwks-uri=" + stubs.jwksUri()));
            stubs.urls().forEach((name, url) -> args.add("--gateway.subgraphs." + name + ".url=" + url));
            // its own event loops: closing a context that uses Reactor Netty's global ones disposes them for every
            // server in the JVM, the other test classes' stub subgraphs included
            ConfigurableApplicationContext gateway = GatewayApplication.builder()
                    .initializers(context -> ((GenericApplicationContext) context).registerBean(
                            ReactorResourceFactory.class, () -> {
                                ReactorResourceFactory resources = new ReactorResourceFactory();
                                resources.setUseGlobalResources(false);
                                return resources;
                            }))
                    .run(args.toArray(String[]::new));
            int port = Integer.parseInt(gateway.getEnvironment().getProperty("local.server.port"));
            try (SocketClient client = SocketClient.connect(port, "graphql-transport-ws")) {
                client.send(Map.of("type", "connection_init", "payload", Map.of("Authorization", stubs.bearer("ada"))));
                assertThat(client.next().path("type").asString()).isEqualTo("connection_ack");
                client.send(subscribe("1", BALANCE, Map.of("w", "w1")));
                await().atMost(Duration.ofSeconds(10)).until(() -> stubs.payments.subscribers("balanceUpdated") == 1);

                long started = System.nanoTime();
                gateway.close();

                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
                assertThat(client.awaitClose().code()).isEqualTo(1001);
                await().atMost(Duration.ofSeconds(10)).until(() -> stubs.payments.subscribers("balanceUpdated") == 0);
            } finally {
                gateway.close();
            }
        }
    }
}
