package com.ventusvault.schema.composition.subgraph;

/**
 * One {@code @key} of an entity in one subgraph.
 *
 * @param fields      the selection exactly as written, e.g. {@code "id"} or {@code "owner { id } currency"}
 * @param onExtension the key sits on an {@code extend type} block (or the type has {@code @extends}); printed as
 *                    {@code extension: true} in {@code @join__type}
 */
public record KeyDef(String fields, boolean resolvable, boolean onExtension) {
}
