package com.ventusvault.schema.composition.supergraph;

/**
 * One {@code @join__field} application: which subgraph resolves (or only references, when {@code external}) a field,
 * with the conditions the gateway needs.
 *
 * @param type the field's type in that subgraph, set only when subgraphs disagree on it (e.g. {@code String!} vs {@code String})
 */
public record JoinField(String graph, String requires, String provides, String override, String type, boolean external,
        boolean usedOverridden) {

    public static JoinField of(String graph) {
        return new JoinField(graph, null, null, null, null, false, false);
    }
}
