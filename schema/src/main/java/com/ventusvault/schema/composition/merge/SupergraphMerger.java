package com.ventusvault.schema.composition.merge;

import com.ventusvault.schema.composition.CompositionError;
import com.ventusvault.schema.composition.CompositionErrorCode;
import com.ventusvault.schema.composition.subgraph.Subgraph;
import com.ventusvault.schema.composition.subgraph.SubgraphType;
import com.ventusvault.schema.composition.supergraph.JoinGraph;
import com.ventusvault.schema.composition.supergraph.JoinType;
import com.ventusvault.schema.composition.supergraph.MergedType;
import com.ventusvault.schema.composition.supergraph.Supergraph;
import com.ventusvault.schema.composition.validation.SubgraphFieldSets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Stage 3 of composition: merges validated subgraphs (in name order) into a {@link Supergraph}. Types are merged by
 * kind; enums last, because how their values merge depends on where the merged schema uses them.
 */
public final class SupergraphMerger {

    private static final Set<String> ROOT_TYPES = Set.of("Query", "Mutation", "Subscription");

    public Supergraph merge(List<Subgraph> subgraphs, Map<String, SubgraphFieldSets> fieldSets, List<CompositionError> errors) {
        TypeRelations relations = new TypeRelations(subgraphs);
        CompositeMerger composites = new CompositeMerger(new FieldMerger(relations, fieldSets, errors));
        InputMerger inputs = new InputMerger(relations, errors);
        EnumMerger enums = new EnumMerger(errors);

        Map<String, List<Sourced<SubgraphType>>> byName = sourcesByName(subgraphs);
        Map<String, MergedType> merged = new LinkedHashMap<>();
        List<String> enumNames = new ArrayList<>();
        for (Map.Entry<String, List<Sourced<SubgraphType>>> entry : byName.entrySet()) {
            String name = entry.getKey();
            List<Sourced<SubgraphType>> sources = entry.getValue();
            if (!sameKind(name, sources, errors) || !hasBase(name, sources, errors)) {
                continue;
            }
            switch (sources.getFirst().element()) {
                case SubgraphType.CompositeType ignored -> {
                    boolean isInterface = sources.stream().anyMatch(s -> isInterfaceLike(s.element()));
                    merged.put(name, composites.merge(name, narrow(sources), isInterface));
                }
                case SubgraphType.InputType ignored -> merged.put(name, inputs.merge(name, narrow(sources)));
                case SubgraphType.UnionType ignored -> merged.put(name, union(name, narrow(sources)));
                case SubgraphType.ScalarType ignored -> merged.put(name, scalar(name, narrow(sources)));
                case SubgraphType.EnumType ignored -> {
                    enumNames.add(name);
                    merged.put(name, null);
                }
            }
        }
        for (String name : enumNames) {
            merged.put(name, enums.merge(name, narrow(byName.get(name)), EnumUsage.of(name, merged.values().stream()
                    .filter(t -> t != null).toList())));
        }
        merged.values().removeIf(t -> t == null);
        InterfaceObjectFields.addTo(merged, subgraphs);
        if (!(merged.get("Query") instanceof MergedType.Composite query) || query.fields().isEmpty()) {
            errors.add(CompositionError.of(CompositionErrorCode.NO_QUERIES,
                    "No queries found in any subgraph: a supergraph must have a query root type with at least one field"));
        }
        List<JoinGraph> graphs = subgraphs.stream().map(s -> new JoinGraph(s.graphEnumValue(), s.name(), s.url())).toList();
        return new Supergraph(graphs, merged);
    }

    private static Map<String, List<Sourced<SubgraphType>>> sourcesByName(List<Subgraph> subgraphs) {
        Map<String, List<Sourced<SubgraphType>>> byName = new LinkedHashMap<>();
        for (Subgraph subgraph : subgraphs) {
            for (SubgraphType type : subgraph.types().values()) {
                byName.computeIfAbsent(type.name(), k -> new ArrayList<>()).add(new Sourced<>(subgraph, type));
            }
        }
        return byName;
    }

    private static boolean isInterfaceLike(SubgraphType type) {
        return type instanceof SubgraphType.CompositeType c && (c.isInterface() || c.interfaceObject());
    }

    private static String kindOf(SubgraphType type) {
        return isInterfaceLike(type) ? "interface" : type.kindName();
    }

    private static boolean sameKind(String name, List<Sourced<SubgraphType>> sources, List<CompositionError> errors) {
        if (sources.stream().map(s -> kindOf(s.element())).distinct().count() == 1) {
            return true;
        }
        String kinds = sources.stream()
                .map(s -> kindOf(s.element()) + (isObjectWithInterfaceObject(s.element()) ? " (@interfaceObject)" : "")
                        + " in subgraph \"" + s.name() + "\"")
                .collect(Collectors.joining(", "));
        errors.add(CompositionError.of(CompositionErrorCode.TYPE_KIND_MISMATCH,
                "Type \"" + name + "\" has mismatched kind: it is defined as " + kinds));
        return false;
    }

    private static boolean isObjectWithInterfaceObject(SubgraphType type) {
        return type instanceof SubgraphType.CompositeType c && c.interfaceObject();
    }

    private static boolean hasBase(String name, List<Sourced<SubgraphType>> sources, List<CompositionError> errors) {
        if (ROOT_TYPES.contains(name) || !sources.stream().allMatch(s -> s.element().extensionOnly())) {
            return true;
        }
        errors.add(CompositionError.of(CompositionErrorCode.EXTENSION_WITH_NO_BASE, "Type \"" + name + "\" is only extended ("
                + ArgumentMerger.subgraphs(sources.stream().map(Sourced::name).toList())
                + " use \"extend\") but no subgraph defines it"));
        return false;
    }

    private static MergedType.Union union(String name, List<Sourced<SubgraphType.UnionType>> sources) {
        List<String> members = new ArrayList<>();
        List<MergedType.JoinUnionMember> memberJoins = new ArrayList<>();
        for (Sourced<SubgraphType.UnionType> source : sources) {
            for (String member : source.element().members()) {
                memberJoins.add(new MergedType.JoinUnionMember(source.graph(), member));
                if (!members.contains(member)) {
                    members.add(member);
                }
            }
        }
        return new MergedType.Union(name, ElementMerge.description(sources.stream().map(s -> s.element().description()).toList()),
                members, joinTypes(sources), memberJoins,
                ElementMerge.annotations(sources.stream().map(s -> s.element().annotations()).toList()));
    }

    private static MergedType.Scalar scalar(String name, List<Sourced<SubgraphType.ScalarType>> sources) {
        return new MergedType.Scalar(name, ElementMerge.description(sources.stream().map(s -> s.element().description()).toList()),
                sources.stream().map(s -> s.element().specifiedBy()).filter(u -> u != null).findFirst().orElse(null),
                joinTypes(sources), ElementMerge.annotations(sources.stream().map(s -> s.element().annotations()).toList()));
    }

    private static <T extends SubgraphType> List<JoinType> joinTypes(List<Sourced<T>> sources) {
        return sources.stream().map(s -> new JoinType(s.graph(), null, false, true, false)).toList();
    }

    @SuppressWarnings("unchecked")
    private static <T extends SubgraphType> List<Sourced<T>> narrow(List<Sourced<SubgraphType>> sources) {
        return sources.stream().map(s -> (Sourced<T>) (Sourced<?>) s).toList();
    }
}
