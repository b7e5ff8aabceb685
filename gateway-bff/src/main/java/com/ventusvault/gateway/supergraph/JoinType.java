package com.ventusvault.gateway.supergraph;

/**
 * One {@code @join__type} on a type: the type exists in {@code subgraph}, optionally as an entity with a key.
 *
 * @param subgraph          subgraph name
 * @param key               the entity key, or null when this application declares none
 * @param extension         whether the subgraph declared the type as an extension
 * @param resolvable        false when the subgraph cannot be asked for this entity by key
 * @param isInterfaceObject whether the subgraph sees this interface as an object type (@interfaceObject)
 */
public record JoinType(String subgraph, FieldSet key, boolean extension, boolean resolvable,
                       boolean isInterfaceObject) {
}
