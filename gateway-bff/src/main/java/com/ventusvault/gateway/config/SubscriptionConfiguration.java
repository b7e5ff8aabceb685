package com.ventusvault.gateway.config;

import com.ventusvault.gateway.execution.subscriptions.UpstreamSubscriptions;
import com.ventusvault.gateway.limits.DocumentLimits;
import com.ventusvault.gateway.limits.LimitsProperties;
import com.ventusvault.gateway.limits.RateLimiter;
import com.ventusvault.gateway.limits.SubscriptionLimits;
import com.ventusvault.gateway.pipeline.GraphQlPipeline;
import com.ventusvault.gateway.supergraph.Supergraph;
import com.ventusvault.gateway.transport.websocket.AttributeCarryingUpgrade;
import com.ventusvault.gateway.transport.websocket.GraphQlWebSocketHandler;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.server.WebSocketService;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;
import org.springframework.web.reactive.socket.server.support.WebSocketUpgradeHandlerPredicate;
import org.springframework.web.reactive.socket.server.upgrade.ReactorNettyRequestUpgradeStrategy;
import reactor.netty.http.server.WebsocketServerSpec;

import java.util.Map;

import static com.ventusvault.gateway.config.GatewayConfiguration.JSON;

/**
 * Wires subscriptions: the connections to the subgraphs ({@link UpstreamSubscriptions}), the WebSocket transport on
 * {@code /graphql} (handler mapping ahead of the functional routes, handshake, limits), and the order in which
 * streams end when the gateway stops.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SubscriptionProperties.class)
class SubscriptionConfiguration {

    /** The subgraphs' subscriptions over graphql-transport-ws, sharing one connection per subgraph and token. */
    @Bean(destroyMethod = "close")
    UpstreamSubscriptions upstreamSubscriptions(Supergraph supergraph, GatewayProperties properties,
                                                SubscriptionProperties subscriptions, LimitsProperties limits) {
        return new UpstreamSubscriptions(GatewayConfiguration.endpoints(supergraph, properties), JSON, subscriptions.upstreamIdleTimeout(),
                maxMessageBytes(limits));
    }

    /** Rate limits for operations over WebSockets, and the caps on concurrent subscriptions. */
    @Bean
    SubscriptionLimits subscriptionLimits(LimitsProperties limits, RateLimiter rateLimiter) {
        return new SubscriptionLimits(limits.subscriptions(), limits.rate().enabled() ? rateLimiter : null, JSON);
    }

    @Bean
    GraphQlWebSocketHandler graphQlWebSocketHandler(GraphQlPipeline pipeline, DocumentLimits documentLimits,
                                                    SubscriptionLimits subscriptionLimits,
                                                    SubscriptionProperties subscriptions) {
        return new GraphQlWebSocketHandler(pipeline, documentLimits, subscriptionLimits, JSON,
                subscriptions.connectionInitTimeout(), subscriptions.keepAlive(), subscriptions.maxQueuedMessages());
    }

    /**
     * When the gateway stops, its streams end first: client WebSockets are closed with 1001 and subscriptions at the
     * subgraphs are ended (SSE streams get {@code SUBGRAPH_UNAVAILABLE} and complete), so the web server's graceful
     * shutdown does not wait its whole timeout for connections that never end by themselves.
     */
    @Bean
    SmartLifecycle subscriptionShutdown(GraphQlWebSocketHandler sockets, UpstreamSubscriptions upstream) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                running = true;
            }

            @Override
            public void stop() {
                running = false;
                sockets.closeAll();
                upstream.close();
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public int getPhase() {
                return Integer.MAX_VALUE; // stopped first, before the web server's graceful shutdown
            }
        };
    }

    /**
     * WebSocket upgrades of {@code /graphql} go to the GraphQL WebSocket handler, ahead of the functional routes
     * (which serve GET {@code /graphql} queries); requests that are not upgrades pass on to them.
     */
    @Bean
    HandlerMapping graphQlWebSocketMapping(GraphQlWebSocketHandler handler) {
        SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping(Map.of("/graphql", handler), -2);
        mapping.setHandlerPredicate(new WebSocketUpgradeHandlerPredicate());
        return mapping;
    }

    /**
     * The handshake: client messages up to {@code gateway.limits.max-request-size}, and the exchange attributes the
     * gateway's filters set (request id, client IP) handed on to the WebSocket session.
     */
    @Bean
    WebFluxConfigurer graphQlWebSocketService(LimitsProperties limits) {
        int maxFrame = maxMessageBytes(limits);
        return new WebFluxConfigurer() {
            @Override
            public WebSocketService getWebSocketService() {
                return new HandshakeWebSocketService(new AttributeCarryingUpgrade(
                        new ReactorNettyRequestUpgradeStrategy(() -> WebsocketServerSpec.builder()
                                .maxFramePayloadLength(maxFrame)),
                        name -> name.startsWith("com.ventusvault.gateway.")));
            }
        };
    }

    private static int maxMessageBytes(LimitsProperties limits) {
        return (int) limits.maxRequestSize().toBytes();
    }
}
