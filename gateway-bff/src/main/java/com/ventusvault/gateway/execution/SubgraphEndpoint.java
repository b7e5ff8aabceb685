package com.ventusvault.gateway.execution;

import java.net.URI;
import java.time.Duration;

/**
 * Where and how long to ask one subgraph.
 *
 * @param name    subgraph name
 * @param uri     its GraphQL endpoint
 * @param timeout how long one request may take
 */
public record SubgraphEndpoint(String name, URI uri, Duration timeout) {

    /**
     * Where the subgraph serves graphql-transport-ws: its GraphQL URL with {@code http} replaced by {@code ws} and
     * {@code https} by {@code wss} (the issue 6 contract: every subgraph serves subscriptions on its {@code /graphql}).
     */
    public URI webSocketUri() {
        String scheme = "https".equalsIgnoreCase(uri.getScheme()) ? "wss" : "ws";
        return URI.create(scheme + uri.toString().substring(uri.getScheme().length()));
    }
}
