package com.ventusvault.gateway.supergraph;

/**
 * One {@code @join__field} on a field: how {@code subgraph} sees the field.
 *
 * @param subgraph       subgraph name, or null for a {@code @join__field} without a graph (the field is in no subgraph)
 * @param requires       fields the subgraph needs in the entity representation to resolve this field, or null
 * @param provides       fields of the returned type that the subgraph resolves along this field, or null
 * @param type           the field's type in that subgraph when it differs from the supergraph's, or null
 * @param external       the subgraph declares but does not resolve the field
 * @param override       the subgraph this one took the field over from, or null
 * @param usedOverridden the field is overridden here but still used, e.g. by a key
 */
public record JoinField(String subgraph, FieldSet requires, FieldSet provides, String type, boolean external,
                        String override, boolean usedOverridden) {

    /** Whether the subgraph can be asked for this field. */
    public boolean resolvable() {
        return subgraph != null && !external && !usedOverridden;
    }
}
