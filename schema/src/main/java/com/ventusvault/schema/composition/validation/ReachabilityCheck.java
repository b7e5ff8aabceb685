package com.ventusvault.schema.composition.validation;

import com.ventusvault.schema.composition.CompositionError;
import com.ventusvault.schema.composition.CompositionErrorCode;
import com.ventusvault.schema.composition.subgraph.FieldDef;
import com.ventusvault.schema.composition.subgraph.Subgraph;
import com.ventusvault.schema.composition.subgraph.SubgraphType;
import com.ventusvault.schema.composition.supergraph.JoinField;
import com.ventusvault.schema.composition.supergraph.JoinType;
import com.ventusvault.schema.composition.supergraph.MergedField;
import com.ventusvault.schema.composition.supergraph.MergedType;
import com.ventusvault.schema.composition.supergraph.Supergraph;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A light satisfiability check. A gateway can fetch a field from subgraph S only if it can enter S at the field's
 * parent type: either S reaches that type from its own root fields, or S declares a resolvable {@code @key} for it.
 * For every object type a client can reach, each field must have at least one resolving subgraph it can enter;
 * otherwise composition fails naming the field and the subgraphs that resolve it.
 *
 * <p>Unlike Apollo's full check, this does not verify that key fields themselves can be fetched from elsewhere,
 * nor that {@code @requires} conditions are satisfiable along every path.
 */
final class ReachabilityCheck {

    private final Supergraph supergraph;
    private final List<Subgraph> subgraphs;
    private final List<CompositionError> errors;

    ReachabilityCheck(Supergraph supergraph, List<Subgraph> subgraphs, List<CompositionError> errors) {
        this.supergraph = supergraph;
        this.subgraphs = subgraphs;
        this.errors = errors;
    }

    void run() {
        Map<String, Set<String>> enterable = new HashMap<>();
        for (Subgraph subgraph : subgraphs) {
            enterable.put(subgraph.graphEnumValue(), enterableTypes(subgraph));
        }
        Map<String, String> graphNames = subgraphs.stream().collect(Collectors.toMap(Subgraph::graphEnumValue, Subgraph::name));
        for (String typeName : reachableInSupergraph()) {
            if (!(supergraph.types().get(typeName) instanceof MergedType.Composite type) || type.isInterface()) {
                continue;
            }
            for (MergedField field : type.fields()) {
                List<String> resolvers = resolvers(type, field);
                if (!resolvers.isEmpty() && resolvers.stream().noneMatch(g -> enterable.get(g).contains(typeName))) {
                    String names = resolvers.stream().map(g -> "\"" + graphNames.get(g) + "\"").collect(Collectors.joining(", "));
                    errors.add(CompositionError.of(CompositionErrorCode.SATISFIABILITY_ERROR, "Field \"" + typeName + "."
                            + field.name() + "\" cannot be reached: it is resolved only by subgraph(s) " + names
                            + ", which have no resolvable @key for type \"" + typeName + "\" and no path from their root fields to it"));
                }
            }
        }
    }

    /** Subgraphs that resolve the field (not @external, not overridden). */
    private static List<String> resolvers(MergedType.Composite type, MergedField field) {
        if (field.joins().isEmpty()) {
            return type.joinTypes().stream().map(JoinType::graph).distinct().toList();
        }
        return field.joins().stream().filter(j -> j.graph() != null && !j.external() && !j.usedOverridden()).map(JoinField::graph).distinct().toList();
    }

    /** Types a gateway can enter subgraph S at: reachable from S's root fields, or keyed resolvably in S. */
    private static Set<String> enterableTypes(Subgraph subgraph) {
        Deque<String> queue = new ArrayDeque<>();
        for (SubgraphType type : subgraph.types().values()) {
            if (type instanceof SubgraphType.CompositeType composite
                    && (composite.hasResolvableKey() || isRoot(composite.name()) && !composite.fields().isEmpty())) {
                queue.add(composite.name());
            }
        }
        Set<String> seen = new HashSet<>();
        while (!queue.isEmpty()) {
            String name = queue.poll();
            if (!seen.add(name)) {
                continue;
            }
            switch (subgraph.type(name)) {
                case SubgraphType.CompositeType composite -> {
                    composite.fields().stream().filter(f -> !f.external()).map(FieldDef::type)
                            .forEach(t -> queue.add(t.baseName()));
                    if (composite.isInterface()) {
                        implementations(subgraph, name).forEach(queue::add);
                    }
                }
                case SubgraphType.UnionType union -> queue.addAll(union.members());
                case null, default -> { }
            }
        }
        return seen;
    }

    private Set<String> reachableInSupergraph() {
        Deque<String> queue = new ArrayDeque<>(List.of("Query", "Mutation", "Subscription"));
        Set<String> seen = new HashSet<>();
        while (!queue.isEmpty()) {
            String name = queue.poll();
            if (!seen.add(name)) {
                continue;
            }
            switch (supergraph.types().get(name)) {
                case MergedType.Composite composite -> {
                    composite.fields().forEach(f -> queue.add(f.type().baseName()));
                    if (composite.isInterface()) {
                        supergraph.types().values().stream()
                                .filter(t -> t instanceof MergedType.Composite c && c.interfaces().contains(name))
                                .forEach(t -> queue.add(t.name()));
                    }
                }
                case MergedType.Union union -> queue.addAll(union.members());
                case null, default -> { }
            }
        }
        return seen;
    }

    private static boolean isRoot(String name) {
        return name.equals("Query") || name.equals("Mutation") || name.equals("Subscription");
    }

    private static List<String> implementations(Subgraph subgraph, String interfaceName) {
        return subgraph.types().values().stream()
                .filter(t -> t instanceof SubgraphType.CompositeType c && c.interfaces().contains(interfaceName))
                .map(SubgraphType::name).toList();
    }
}
