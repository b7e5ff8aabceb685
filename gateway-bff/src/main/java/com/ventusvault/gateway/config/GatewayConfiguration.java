package com.ventusvault.gateway.config;

import com.ventusvault.gateway.document.DocumentStage;
import com.ventusvault.gateway.execution.IntrospectionExecutor;
import com.ventusvault.gateway.execution.PlanExecutor;
import com.ventusvault.gateway.execution.SubgraphClient;
import com.ventusvault.gateway.execution.SubgraphEndpoint;
import com.ventusvault.gateway.execution.subscriptions.SubscriptionExecutor;
import com.ventusvault.gateway.execution.subscriptions.UpstreamSubscriptions;
import com.ventusvault.gateway.limits.DocumentLimits;
import com.ventusvault.gateway.limits.LimitsProperties;
import com.ventusvault.gateway.limits.RateLimiter;
import com.ventusvault.gateway.limits.RequestLimitsFilter;
import com.ventusvault.gateway.limits.SubscriptionLimits;
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
import com.ventusvault.gateway.transport.sse.GraphQlSseHandler;
import com.ventusvault.platform.security.AccessTokenVerifier;
import com.ventusvault.platform.security.AuthProperties;
import com.ventusvault.platform.security.SigningKeySource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.codec.CodecCustomizer;
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

/**
 * Wires the stages: supergraph, security, document, planning, execution, HTTP and SSE transport; the WebSocket
 * transport and the subgraph subscriptions are wired by {@link SubscriptionConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({GatewayProperties.class, AuthProperties.class, LimitsProperties.class})
class GatewayConfiguration {

    /** The gateway's own mapper, independent of whatever JSON configuration other contexts use. */
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Bean
    Supergraph supergraph(GatewayProperties properties, ResourceLoader resources) {
        return SupergraphSource.load(properties.supergraph(), resources);
    }

    @Bean(destroyMethod = "close")
    SubgraphClient subgraphClient(Supergraph supergraph, GatewayProperties properties) {
        return new SubgraphClient(endpoints(supergraph, properties), properties.maxConnections(), JSON);
    }

    static Map<String, SubgraphEndpoint> endpoints(Supergraph supergraph, GatewayProperties properties) {
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
