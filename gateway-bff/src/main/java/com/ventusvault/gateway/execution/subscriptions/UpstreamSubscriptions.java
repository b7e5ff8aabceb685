package com.ventusvault.gateway.execution.subscriptions;

import com.ventusvault.gateway.errors.ErrorCode;
import com.ventusvault.gateway.execution.SubgraphEndpoint;
import com.ventusvault.gateway.execution.SubgraphFailure;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The gateway's subscriptions at its subgraphs, over graphql-transport-ws ({@code ws://host:port/graphql}, derived from
 * each subgraph's HTTP URL).
 * <p>
 * <b>Sharing.</b> One connection per (subgraph, {@code Authorization}) carries every subscription made with that access
 * token, whichever client connection or SSE stream it came from; anonymous subscriptions share one connection per
 * subgraph. The token travels in {@code connection_init} and authenticates the whole connection (the issue 6
 * contract), so a connection can never be shared between two tokens; two clients presenting the same token are the
 * same principal, so sharing between them reveals nothing. This keeps upstream sockets at most one per signed-in user
 * and subgraph (one user's browser tabs and apps share it) and one in all for anonymous subscriptions such as
 * {@code rateUpdated}, instead of one per client connection. A connection that no subscription uses is closed after
 * {@code idleTimeout} (a client that resubscribes at once reuses it).
 * <p>
 * Sockets are not pooled HTTP connections: they are made with {@link HttpClient#newConnection()}, so no pool size caps
 * how many subscriptions the gateway can hold. They run on Reactor Netty's shared event loops: no thread per
 * connection or subscription.
 */
public final class UpstreamSubscriptions implements AutoCloseable {

    private record Key(String subgraph, String authorization) {
    }

    private final Map<String, SubgraphEndpoint> endpoints;
    private final ObjectMapper json;
    private final Duration idleTimeout;
    private final int maxFramePayloadLength;
    private final HttpClient client = HttpClient.newConnection();
    private final Map<Key, UpstreamConnection> connections = new HashMap<>(); // guarded by this

    /**
     * @param endpoints             the subgraphs by name (their timeout bounds how long a connection may take to be
     *                              acknowledged)
     * @param idleTimeout           how long a connection without subscriptions stays open; zero closes it at once
     * @param maxFramePayloadLength the largest message accepted from a subgraph, in bytes
     */
    public UpstreamSubscriptions(Map<String, SubgraphEndpoint> endpoints, ObjectMapper json, Duration idleTimeout,
                                 int maxFramePayloadLength) {
        this.endpoints = Map.copyOf(endpoints);
        this.json = json;
        this.idleTimeout = idleTimeout;
        this.maxFramePayloadLength = maxFramePayloadLength;
    }

    /**
     * Subscribes at {@code subgraph}: lazily, when the result is subscribed to; cancelling it sends {@code complete}.
     *
     * @param authorization the client's {@code Authorization} ({@code Bearer <token>}), or null for anonymous
     * @param requestId     sent as {@code X-Request-Id} in {@code connection_init} when a connection is opened
     * @param request       the GraphQL request ({@code query}, {@code variables}) of the subscription
     * @return the subgraph's {@code next} payloads; fails with {@link SubgraphFailure} when the connection is lost or
     *         cannot be made, and with {@code UpstreamRefusal} when the subgraph answers {@code error}
     */
    public Flux<JsonNode> subscribe(String subgraph, String authorization, String requestId, ObjectNode request) {
        SubgraphEndpoint endpoint = endpoints.get(subgraph);
        if (endpoint == null) {
            return Flux.error(new SubgraphFailure("Subgraph '" + subgraph + "' has no URL", ErrorCode.SUBGRAPH_UNAVAILABLE,
                    null));
        }
        return Flux.defer(() -> acquire(new Key(subgraph, authorization), endpoint, requestId).subscribe(request));
    }

    /** How many connections to subgraphs are open or opening (for tests and diagnostics). */
    public synchronized int connections() {
        return connections.size();
    }

    /** How many subscriptions run at subgraphs (for tests and diagnostics). */
    public synchronized int subscriptions() {
        return connections.values().stream().mapToInt(UpstreamConnection::subscriptions).sum();
    }

    private synchronized UpstreamConnection acquire(Key key, SubgraphEndpoint endpoint, String requestId) {
        UpstreamConnection connection = connections.get(key);
        if (connection != null && connection.retain()) {
            return connection;
        }
        UpstreamConnection opened = new UpstreamConnection(endpoint, json, idleTimeout, gone -> forget(key, gone));
        opened.retain();
        connections.put(key, opened);
        opened.open(client, initPayload(key.authorization(), requestId), maxFramePayloadLength);
        return opened;
    }

    private synchronized void forget(Key key, UpstreamConnection connection) {
        connections.remove(key, connection);
    }

    @Override
    public void close() {
        List<UpstreamConnection> open;
        synchronized (this) {
            open = List.copyOf(connections.values());
            connections.clear();
        }
        open.forEach(UpstreamConnection::shutdown);
    }

    private static ObjectNode initPayload(String authorization, String requestId) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        if (authorization != null) {
            payload.put("Authorization", authorization);
        }
        if (requestId != null) {
            payload.put("X-Request-Id", requestId);
        }
        return payload;
    }
}
