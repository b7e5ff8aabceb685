package com.ventusvault.gateway.supergraph;

/**
 * One subgraph named by the supergraph's {@code join__Graph} enum.
 *
 * @param name      the subgraph name from {@code @join__graph(name:)}, used in plans and errors
 * @param enumValue the {@code join__Graph} enum value that the join directives refer to
 * @param url       the routing URL from {@code @join__graph(url:)}; configuration may override it
 */
public record Subgraph(String name, String enumValue, String url) {
}
