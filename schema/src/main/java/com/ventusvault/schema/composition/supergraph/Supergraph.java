package com.ventusvault.schema.composition.supergraph;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The composed supergraph before printing: the subgraphs as {@code join__Graph} values (sorted by name) and every
 * merged type in merge order (the printer sorts them).
 */
public record Supergraph(List<JoinGraph> graphs, Map<String, MergedType> types) {

    public Supergraph {
        graphs = List.copyOf(graphs);
        types = Collections.unmodifiableMap(new LinkedHashMap<>(types));
    }

    /** Root kinds ({@code query}, {@code mutation}, {@code subscription}) whose root type has fields. */
    public List<String> rootKinds() {
        return List.of("query", "mutation", "subscription").stream()
                .filter(kind -> types.get(rootTypeName(kind)) instanceof MergedType.Composite c && !c.fields().isEmpty())
                .toList();
    }

    public static String rootTypeName(String kind) {
        return Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
    }

    public boolean usesInaccessible() {
        return AnnotationScan.any(this, a -> a.inaccessible());
    }

    public boolean usesTag() {
        return AnnotationScan.any(this, a -> !a.tags().isEmpty());
    }

    public boolean usesAuthenticated() {
        return AnnotationScan.any(this, a -> a.authenticated());
    }

    public boolean usesRequiresScopes() {
        return AnnotationScan.any(this, a -> !a.requiresScopes().isEmpty());
    }
}
