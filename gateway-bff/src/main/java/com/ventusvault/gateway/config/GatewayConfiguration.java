package com.ventusvault.gateway.config;

import com.ventusvault.gateway.document.DocumentStage;
import com.ventusvault.gateway.execution.IntrospectionExecutor;
import com.ventusvault.gateway.execution.PlanExecutor;
import com.ventusvault.gateway.execution.SubgraphClient;
import com.ventusvault.gateway.execution.SubgraphEndpoint;
import com.ventusvault.gateway.limits.DocumentLimits;
import com.ventusvault.gateway.limits.LimitsProperties;
import com.ventusvault.gateway.limits.RateLimiter;
import com.ventusvault.gateway.limits.RequestLimitsFilter;
import com.ventusvault.gateway.limits.SubscriptionLimits;
import com.ventusvault.gateway.execution.subscriptions.SubscriptionExecutor;
import com.ventusvault.gateway.execution.subscriptions.UpstreamSubscriptions;
import com.ventusvault.gateway.transport.sse.GraphQlSseHandler;
import com.ventusvault.gateway.transport.websocket.AttributeCarryingUpgrade;
import com.ventusvault.gateway.transport.websocket.GraphQlWebSocketHandler;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.server.WebSocketService;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;
import org.springframework.web.reactive.socket.server.support.WebSocketUpgradeHandlerPredicate;
import org.springframework.web.reactive.socket.server.upgrade.ReactorNettyRequestUpgradeStrategy;
import reactor.netty.http.server.WebsocketServerSpec;
import com.ventusvault.gateway.pipeline.GraphQlPipeline;
import com.ventusvault.gateway.planning.PlanCache;
import com.ventusvault.gateway.planning.QueryPlanner;
import com.ventusvault.gateway.security.AccessControl;
import com.ventusvault.gateway.security.TokenAuthentication;
import com.ventusvault.gateway.supergraph.AccessRules;
import com.ventusvault.gateway.supergraph.Subgraph;
import com.ventusvault.gateway.supergraph.Supergraph;
import com.ventusvault.gateway.transport.http.GatewayPages;
import com.ventusvault.gateway.transport.http.GraphQlHttpHandler;
import com.ventusvault.gateway.transport.http.RequestIdFilter;
import com.ventusvault.platform.security.AccessTokenVerifier;
import com.ventusvault.platform.security.AuthProperties;
import com.ventusvault.platform.security.SigningKeySource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** Wires the stages: supergraph, security, document, planning, execution, transports (HTTP, WebSocket, SSE). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({GatewayProperties.class, AuthProperties.class, LimitsProperties.class,
        SubscriptionProperties.class})
class GatewayConfiguration {

    /** The gateway's own mapper, independent of whatever JSON configuration other contexts use. */
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Bean
    Supergraph supergraph(GatewayProperties properties, ResourceLoader resources) {
        return SupergraphSource.load(properties.supergraph(), resources);
    }

    @Bean(destroyMethod = "close")
    SubgraphClient subgraphClient(Supergraph supergraph, GatewayProperties properties) {
        return new SubgraphClient(endpoints(supergraph, properties), properties.maxConnections(), JSON);
    }

    /** The subgraphs' subscriptions over graphql-transport-ws, sharing one connection per subgraph and token. */
    @Bean(destroyMethod = "close")
    UpstreamSubscriptions upstreamSubscriptions(Supergraph supergraph, GatewayProperties properties,
                                                SubscriptionProperties subscriptions, LimitsProperties limits) {
        return new UpstreamSubscriptions(endpoints(supergraph, properties), JSON, subscriptions.upstreamIdleTimeout(),
                maxMessageBytes(limits));
    }

    private static Map<String, SubgraphEndpoint> endpoints(Supergraph supergraph, GatewayProperties properties) {
        for (String name : properties.subgraphs().keySet()) {
            if (!supergraph.subgraphs().containsKey(name)) {
                throw new IllegalStateException("gateway.subgraphs." + name + ": the supergraph has no subgraph '"
                        + name + "' (it has " + supergraph.subgraphs().keySet() + ")");
            }
        }
        Map<String, SubgraphEndpoint> endpoints = new LinkedHashMap<>();
        for (Subgraph subgraph : supergraph.subgraphs().values()) {
            GatewayProperties.SubgraphProperties own = properties.subgraphs().get(subgraph.name());
            String url = own != null && own.url() != null ? own.url() : subgraph.url();
            endpoints.put(subgraph.name(), new SubgraphEndpoint(subgraph.name(), uri(subgraph.name(), url),
                    properties.timeoutFor(subgraph.name())));
        }
        return endpoints;
    }

    /**
     * The subgraphs' own token check ({@code ventus.auth.*}: issuer, audience, JWKS URI of accounts), so the gateway
     * and the subgraphs can never disagree on what a valid token is.
     */
    @Bean
    AccessTokenVerifier accessTokenVerifier(AuthProperties auth) {
        return new AccessTokenVerifier(auth, SigningKeySource.remote(WebClient.create(), auth.jwksUri()),
                Clock.systemUTC());
    }

    @Bean
    RequestIdFilter requestIdFilter() {
        return new RequestIdFilter();
    }

    @Bean
    GraphQlPipeline graphQlPipeline(Supergraph supergraph, SubgraphClient client, GatewayProperties properties,
                                    AccessTokenVerifier verifier, UpstreamSubscriptions upstream) {
        PlanExecutor executor = new PlanExecutor(supergraph, client, JSON);
        return new GraphQlPipeline(new TokenAuthentication(verifier),
                new DocumentStage(supergraph.apiSchema(), JSON, properties.planCacheSize(), properties.development()),
                new AccessControl(supergraph.apiSchema(), AccessRules.of(supergraph), properties.planCacheSize()),
                new PlanCache(new QueryPlanner(supergraph), properties.planCacheSize()),
                executor, new IntrospectionExecutor(supergraph.apiSchema(), JSON),
                new SubscriptionExecutor(executor, upstream));
    }

    /** The document limits every transport checks before the pipeline runs (verdicts cached per document). */
    @Bean
    DocumentLimits documentLimits(GatewayProperties properties, LimitsProperties limits) {
        boolean introspection = limits.introspection() != null ? limits.introspection() : properties.development();
        return new DocumentLimits(limits.query(), introspection);
    }

    @Bean
    RouterFunction<ServerResponse> gatewayRoutes(GraphQlPipeline pipeline, Supergraph supergraph,
                                                 GatewayProperties properties, DocumentLimits documentLimits,
                                                 SubscriptionLimits subscriptionLimits,
                                                 SubscriptionProperties subscriptions) {
        GraphQlHttpHandler graphql = new GraphQlHttpHandler(pipeline, JSON, properties.plansExposed(), documentLimits);
        GraphQlSseHandler sse = new GraphQlSseHandler(pipeline, JSON, documentLimits, subscriptionLimits,
                subscriptions.keepAlive(), subscriptions.maxQueuedMessages());
        GatewayPages pages = new GatewayPages(supergraph);
        var routes = RouterFunctions.route()
                .POST("/graphql", GraphQlSseHandler::wantsEventStream, sse::post)
                .POST("/graphql", graphql::post)
                .GET("/graphql", graphql::get)
                .GET("/health", pages::health);
        if (properties.development()) { // production serves no GraphiQL: /graphiql is 404
            routes.GET("/graphiql", pages::graphiql);
        }
        return routes.build();
    }

    /** The rate-limit buckets, shared by HTTP requests, WebSocket upgrades and operations sent over WebSockets. */
    @Bean
    RateLimiter rateLimiter(LimitsProperties limits) {
        return new RateLimiter(limits.rate());
    }

    /** The limits stage's transport half (rate, CSRF and Origin, size) in front of {@code /graphql}. */
    @Bean
    RequestLimitsFilter requestLimitsFilter(LimitsProperties limits, RateLimiter rateLimiter) {
        return new RequestLimitsFilter("/graphql", limits.rate().enabled() ? rateLimiter : null, limits, JSON);
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

    /** Bodies up to {@code gateway.limits.max-request-size} can be decoded (Spring's default stops at 256 KB). */
    @Bean
    CodecCustomizer requestSizeCodecs(LimitsProperties limits) {
        return codecs -> codecs.defaultCodecs().maxInMemorySize((int) limits.maxRequestSize().toBytes());
    }

    private static URI uri(String subgraph, String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Subgraph '" + subgraph + "' has an invalid URL '" + url + "': "
                    + e.getMessage(), e);
        }
    }
}
