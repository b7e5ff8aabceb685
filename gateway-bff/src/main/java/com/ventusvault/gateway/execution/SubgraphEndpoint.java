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
}
