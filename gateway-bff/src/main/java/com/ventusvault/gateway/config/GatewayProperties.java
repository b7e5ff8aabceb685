package com.ventusvault.gateway.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.Map;

/**
 * The gateway's settings ({@code gateway.*} in {@code gateway.yml}).
 *
 * @param supergraph      where the composed supergraph SDL is: {@code classpath:...}, {@code file:...} or a plain file
 *                        path. Default {@code classpath:supergraph.graphql} (shipped by the {@code schema} module).
 *                        A missing or invalid supergraph fails startup.
 * @param subgraphs       per-subgraph overrides by subgraph name ({@code gateway.subgraphs.payments.url=...}); names
 *                        the supergraph does not declare fail startup
 * @param timeout         how long one subgraph request may take unless the subgraph overrides it; a request that
 *                        takes longer yields a {@code SUBGRAPH_TIMEOUT} error at its path (default 10s)
 * @param mode            {@link Mode#DEVELOPMENT} (default) or {@link Mode#PRODUCTION}; production hides what helps
 *                        only developers (plans, GraphiQL, "Did you mean" suggestions)
 * @param exposeQueryPlan whether a request carrying {@code X-Ventus-Plan: true} gets the plan text in
 *                        {@code extensions.queryPlan} (default true); ignored in production mode, where it is off
 * @param planCacheSize   how many plans (and parsed, validated documents) are kept, least recently used first out
 * @param maxConnections  the size of the HTTP connection pool to each subgraph
 */
@Validated
@ConfigurationProperties("gateway")
public record GatewayProperties(
        @DefaultValue("classpath:supergraph.graphql") String supergraph,
        Map<String, SubgraphProperties> subgraphs,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("development") Mode mode,
        @DefaultValue("true") boolean exposeQueryPlan,
        @DefaultValue("1000") int planCacheSize,
        @DefaultValue("500") int maxConnections) {

    public GatewayProperties {
        subgraphs = subgraphs == null ? Map.of() : Map.copyOf(subgraphs);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("gateway.timeout must be positive, was " + timeout);
        }
        if (planCacheSize < 1) {
            throw new IllegalArgumentException("gateway.plan-cache-size must be at least 1, was " + planCacheSize);
        }
    }

    /**
     * How much the gateway tells its callers about itself ({@code gateway.mode: production | development}).
     */
    public enum Mode {
        /** The query plan header works, GraphiQL is served, validation messages keep suggestions. */
        DEVELOPMENT,
        /** {@code X-Ventus-Plan} is ignored, {@code /graphiql} is 404, no field suggestions in validation messages. */
        PRODUCTION
    }

    /** Whether {@code X-Ventus-Plan: true} returns the plan: never in production. */
    public boolean plansExposed() {
        return mode == Mode.DEVELOPMENT && exposeQueryPlan;
    }

    /** Whether developer aids (GraphiQL, field suggestions) are on. */
    public boolean development() {
        return mode == Mode.DEVELOPMENT;
    }

    /**
     * Overrides for one subgraph.
     *
     * @param url     routing URL replacing the supergraph's {@code @join__graph(url:)}, or null to keep it
     * @param timeout request timeout for this subgraph, or null for {@code gateway.timeout}
     */
    public record SubgraphProperties(String url, Duration timeout) {
    }

    /** The timeout for {@code subgraph}. */
    public Duration timeoutFor(String subgraph) {
        SubgraphProperties own = subgraphs.get(subgraph);
        return own != null && own.timeout() != null ? own.timeout() : timeout;
    }
}
