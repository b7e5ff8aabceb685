package com.ventusvault.schema.composition.supergraph;

/**
 * One {@code @join__type} application: the type exists in {@code graph}; with a key, one application per key.
 *
 * @param key {@code null} for a type without {@code @key} in that subgraph
 */
public record JoinType(String graph, String key, boolean extension, boolean resolvable, boolean interfaceObject) {
}
