package com.ventusvault.gateway.execution;

import com.ventusvault.gateway.errors.ErrorCode;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.timeout.ReadTimeoutException;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Posts GraphQL requests to subgraphs with a pooled, keep-alive Reactor Netty client; never blocks. A failed
 * request becomes a {@link SubgraphFailure} with {@code SUBGRAPH_UNAVAILABLE} or {@code SUBGRAPH_TIMEOUT}.
 */
public final class SubgraphClient implements AutoCloseable {

    private static final String REQUEST_ID = "X-Request-Id";
    private static final String FORWARDED_FOR = "X-Forwarded-For";

    private final Map<String, SubgraphEndpoint> endpoints;
    private final ConnectionProvider pool;
    private final HttpClient http;
    private final ObjectMapper json;
    private final InFlightRequests<Reply> inFlight = new InFlightRequests<>();

    /** A subgraph's HTTP answer, shared by de-duplicated callers (each parses its own copy). */
    private record Reply(int status, byte[] body) {
    }

    public SubgraphClient(Map<String, SubgraphEndpoint> endpoints, int maxConnections, ObjectMapper json) {
        this.endpoints = Map.copyOf(endpoints);
        this.pool = ConnectionProvider.builder("gateway-subgraphs").maxConnections(maxConnections)
                .pendingAcquireMaxCount(-1).maxIdleTime(Duration.ofSeconds(30)).build();
        this.http = HttpClient.create(pool).keepAlive(true);
        this.json = json;
    }

    /**
     * Sends {@code body} (a GraphQL request as JSON) to {@code subgraph}; emits the parsed response. When
     * {@code shareable} (queries, never mutations), a request identical to one in flight (same subgraph, body bytes and
     * {@code Authorization}) is not sent again: it shares that request's response.
     */
    public Mono<JsonNode> post(String subgraph, byte[] body, String authorization, boolean shareable) {
        return post(subgraph, body, authorization, ForwardedHeaders.NONE, shareable);
    }

    /**
     * As {@link #post(String, byte[], String, boolean)}, also sending {@code X-Request-Id} and {@code X-Forwarded-For}.
     * A shared (de-duplicated) request carries the headers of the caller that sent it.
     */
    public Mono<JsonNode> post(String subgraph, byte[] body, String authorization, ForwardedHeaders forwarded,
                               boolean shareable) {
        SubgraphEndpoint endpoint = endpoints.get(subgraph);
        if (endpoint == null) {
            return Mono.error(new SubgraphFailure("Subgraph '" + subgraph + "' has no URL",
                    ErrorCode.SUBGRAPH_UNAVAILABLE, null));
        }
        Mono<Reply> reply = shareable
                ? inFlight.share(subgraph, body, authorization, () -> exchange(endpoint, body, authorization, forwarded))
                : exchange(endpoint, body, authorization, forwarded);
        // parsed per caller: the executor merges response nodes into its own data tree and mutates them
        return reply.map(r -> parse(subgraph, r.status(), r.body()));
    }

    /** How many distinct de-duplicated requests are in flight (for tests and diagnostics). */
    public int requestsInFlight() {
        return inFlight.size();
    }

    private Mono<Reply> exchange(SubgraphEndpoint endpoint, byte[] body, String authorization,
                                 ForwardedHeaders forwarded) {
        String subgraph = endpoint.name();
        return http.responseTimeout(endpoint.timeout()).post().uri(endpoint.uri())
                .send((request, out) -> {
                    request.header(HttpHeaderNames.CONTENT_TYPE, "application/json")
                            .header(HttpHeaderNames.ACCEPT, "application/graphql-response+json, application/json");
                    if (authorization != null) {
                        request.header(HttpHeaderNames.AUTHORIZATION, authorization);
                    }
                    if (forwarded.requestId() != null) {
                        request.header(REQUEST_ID, forwarded.requestId());
                    }
                    if (forwarded.forwardedFor() != null) {
                        request.header(FORWARDED_FOR, forwarded.forwardedFor());
                    }
                    return out.send(Mono.just(Unpooled.wrappedBuffer(body)));
                })
                .responseSingle((response, content) -> content.asByteArray().defaultIfEmpty(new byte[0])
                        .map(bytes -> new Reply(response.status().code(), bytes)))
                .timeout(endpoint.timeout().plusMillis(50))
                .onErrorMap(e -> !(e instanceof SubgraphFailure), e -> failure(subgraph, endpoint, e));
    }

    private JsonNode parse(String subgraph, int status, byte[] bytes) {
        try {
            JsonNode node = json.readTree(bytes);
            if (node != null && node.isObject() && (node.has("data") || node.has("errors"))) {
                return node;
            }
        } catch (RuntimeException e) {
            // not JSON: reported below with the status
        }
        throw new SubgraphFailure("Subgraph '" + subgraph + "' returned HTTP " + status + " without a GraphQL response",
                ErrorCode.SUBGRAPH_UNAVAILABLE, null);
    }

    private static SubgraphFailure failure(String subgraph, SubgraphEndpoint endpoint, Throwable e) {
        if (e instanceof TimeoutException || e instanceof ReadTimeoutException) {
            return new SubgraphFailure("Subgraph '" + subgraph + "' did not answer within " + endpoint.timeout(),
                    ErrorCode.SUBGRAPH_TIMEOUT, e);
        }
        return new SubgraphFailure("Subgraph '" + subgraph + "' is unavailable", ErrorCode.SUBGRAPH_UNAVAILABLE, e);
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
