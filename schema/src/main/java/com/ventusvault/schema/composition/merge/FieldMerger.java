package com.ventusvault.schema.composition.merge;

import com.ventusvault.schema.composition.CompositionError;
import com.ventusvault.schema.composition.CompositionErrorCode;
import com.ventusvault.schema.composition.subgraph.FieldDef;
import com.ventusvault.schema.composition.subgraph.SubgraphType;
import com.ventusvault.schema.composition.subgraph.TypeRef;
import com.ventusvault.schema.composition.supergraph.JoinField;
import com.ventusvault.schema.composition.supergraph.MergedField;
import com.ventusvault.schema.composition.supergraph.MergedInputValue;
import com.ventusvault.schema.composition.validation.SubgraphFieldSets;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges one field of an object or interface type across subgraphs, following the join spec:
 * <ul>
 *   <li>{@code @override(from: "x")} takes the field away from x; x keeps a {@code usedOverridden} join only when one of
 *       its own field sets still selects the field;</li>
 *   <li>the supergraph type is the common supertype of the resolving subgraphs' types (else FIELD_TYPE_MISMATCH);</li>
 *   <li>an object field resolved by several subgraphs must be shareable in each (else INVALID_FIELD_SHARING);</li>
 *   <li>{@code @join__field} is omitted only when every subgraph defining the type defines the field the same way,
 *       without {@code @external}, {@code @requires}, {@code @provides} or {@code @override}.</li>
 * </ul>
 */
final class FieldMerger {

    private final TypeRelations relations;
    private final Map<String, SubgraphFieldSets> fieldSets;
    private final List<CompositionError> errors;
    private final ArgumentMerger arguments;

    FieldMerger(TypeRelations relations, Map<String, SubgraphFieldSets> fieldSets, List<CompositionError> errors) {
        this.relations = relations;
        this.fieldSets = fieldSets;
        this.errors = errors;
        this.arguments = new ArgumentMerger(relations, errors);
    }

    /** @return the merged field, or {@code null} when it cannot be merged (an error was reported) */
    MergedField merge(String typeName, String fieldName, List<Sourced<SubgraphType.CompositeType>> typeSources, boolean isInterface) {
        String coordinate = typeName + "." + fieldName;
        List<Sourced<FieldDef>> present = new ArrayList<>();
        for (Sourced<SubgraphType.CompositeType> source : typeSources) {
            FieldDef field = source.element().field(fieldName);
            if (field != null) {
                present.add(new Sourced<>(source.subgraph(), field));
            }
        }
        Set<String> usedOverridden = new HashSet<>();
        Set<String> unusedOverridden = new HashSet<>();
        int errorsBefore = errors.size();
        resolveOverrides(typeName, coordinate, present, usedOverridden, unusedOverridden, isInterface);
        if (errors.size() > errorsBefore) {
            return null; // an invalid @override: further checks would only report its consequences
        }
        List<Sourced<FieldDef>> active = present.stream().filter(s -> !unusedOverridden.contains(s.name())).toList();
        List<Sourced<FieldDef>> resolving = active.stream()
                .filter(s -> !s.element().external() && !usedOverridden.contains(s.name())).toList();
        if (resolving.isEmpty()) {
            errors.add(CompositionError.of(CompositionErrorCode.EXTERNAL_MISSING_ON_BASE, "Field \"" + coordinate
                    + "\" is marked @external in " + ArgumentMerger.subgraphs(active.stream().map(Sourced::name).toList())
                    + " but no subgraph resolves it (it is @external everywhere it is defined)"));
            return null;
        }
        TypeRef type = relations.mergeOutput(resolving.stream().map(s -> s.element().type()).toList());
        if (type == null) {
            errors.add(CompositionError.of(CompositionErrorCode.FIELD_TYPE_MISMATCH, "Field \"" + coordinate
                    + "\" has incompatible types across subgraphs: " + ArgumentMerger.describe(resolving, f -> f.type().toString())));
            return null;
        }
        checkExternalTypes(coordinate, type, active);
        if (!isInterface) {
            checkSharing(coordinate, resolving);
        }
        List<MergedInputValue> mergedArguments = arguments.merge(coordinate, resolving);
        boolean allTypesEqual = active.stream().allMatch(s -> s.element().type().equals(active.getFirst().element().type()));
        boolean needsJoins = !allTypesEqual || !usedOverridden.isEmpty() || active.size() < typeSources.size()
                || active.stream().anyMatch(s -> s.element().external() || s.element().requires() != null || s.element().provides() != null);
        List<JoinField> joins = new ArrayList<>();
        if (needsJoins) {
            for (Sourced<FieldDef> source : active) {
                FieldDef field = source.element();
                joins.add(new JoinField(source.graph(), field.requires(), field.provides(), field.overrideFrom(),
                        allTypesEqual ? null : field.type().toString(), field.external(), usedOverridden.contains(source.name())));
            }
        }
        List<String> descriptions = new ArrayList<>(resolving.stream().map(s -> s.element().description()).toList());
        if (descriptions.stream().allMatch(d -> d == null)) {
            descriptions = active.stream().map(s -> s.element().description()).toList();
        }
        return new MergedField(fieldName, ElementMerge.description(descriptions), type, mergedArguments, joins,
                ElementMerge.annotations(resolving.stream().map(s -> s.element().annotations()).toList()));
    }

    /**
     * Applies {@code @override(from:)}: the overridden subgraph stops resolving the field, and keeps a join
     * ({@code usedOverridden}) only when its own field sets or interfaces still need the field there.
     */
    private void resolveOverrides(String typeName, String coordinate, List<Sourced<FieldDef>> present,
            Set<String> usedOverridden, Set<String> unusedOverridden, boolean isInterface) {
        List<Sourced<FieldDef>> overriders = present.stream().filter(s -> s.element().overrideFrom() != null).toList();
        for (Sourced<FieldDef> overrider : overriders) {
            if (isInterface) {
                errors.add(CompositionError.of(CompositionErrorCode.OVERRIDE_ON_INTERFACE, "@override cannot be used on field \""
                        + coordinate + "\" in subgraph \"" + overrider.name() + "\": interface fields cannot be overridden"));
                continue;
            }
            String from = overrider.element().overrideFrom();
            Sourced<FieldDef> target = present.stream().filter(s -> s.name().equals(from)).findFirst().orElse(null);
            if (target == null || target == overrider) {
                continue; // unknown or absent source subgraph: nothing to take over (Apollo only hints)
            }
            if (target.element().overrideFrom() != null) {
                errors.add(CompositionError.of(CompositionErrorCode.OVERRIDE_SOURCE_HAS_OVERRIDE, "Field \"" + coordinate
                        + "\" in subgraph \"" + overrider.name() + "\" overrides subgraph \"" + from
                        + "\", which also marks it @override; only one @override is allowed per field"));
            } else if (target.element().requires() != null || target.element().provides() != null || overrider.element().external()) {
                errors.add(CompositionError.of(CompositionErrorCode.OVERRIDE_COLLISION_WITH_ANOTHER_DIRECTIVE, "@override on field \""
                        + coordinate + "\" in subgraph \"" + overrider.name() + "\" collides with "
                        + (overrider.element().external() ? "its own @external" : "@requires/@provides on that field in subgraph \"" + from + "\"")));
            } else if (!target.element().external()) {
                (isUsed(typeName, coordinate, target) ? usedOverridden : unusedOverridden).add(from);
            }
        }
    }

    /** Still needed in the overridden subgraph: selected by one of its field sets, or declared by an interface there. */
    private boolean isUsed(String typeName, String coordinate, Sourced<FieldDef> target) {
        SubgraphFieldSets sets = fieldSets.get(target.name());
        if (sets != null && sets.usedFields().contains(coordinate)) {
            return true;
        }
        return target.subgraph().composite(typeName).stream().flatMap(t -> t.interfaces().stream())
                .map(itf -> target.subgraph().composite(itf))
                .anyMatch(itf -> itf.isPresent() && itf.get().field(target.element().name()) != null);
    }

    private void checkExternalTypes(String coordinate, TypeRef merged, List<Sourced<FieldDef>> active) {
        for (Sourced<FieldDef> source : active) {
            if (source.element().external() && !relations.isSubtype(merged, source.element().type())) {
                errors.add(CompositionError.of(CompositionErrorCode.EXTERNAL_TYPE_MISMATCH, "Field \"" + coordinate
                        + "\" is declared @external with type \"" + source.element().type() + "\" in subgraph \"" + source.name()
                        + "\", which is incompatible with the type \"" + merged + "\" the resolving subgraphs declare"));
            }
        }
    }

    private void checkSharing(String coordinate, List<Sourced<FieldDef>> resolving) {
        if (resolving.size() < 2) {
            return;
        }
        List<String> notShareable = resolving.stream().filter(s -> !isShareable(coordinate, s)).map(Sourced::name).toList();
        if (!notShareable.isEmpty()) {
            errors.add(CompositionError.of(CompositionErrorCode.INVALID_FIELD_SHARING, "Non-shareable field \"" + coordinate
                    + "\" is resolved from multiple subgraphs: it is resolved from "
                    + ArgumentMerger.subgraphs(resolving.stream().map(Sourced::name).toList())
                    + " and defined as non-shareable in " + ArgumentMerger.subgraphs(notShareable)
                    + " (mark it @shareable everywhere it is resolved, or make one subgraph the only one resolving it)"));
        }
    }

    private boolean isShareable(String coordinate, Sourced<FieldDef> source) {
        if (source.element().shareable()) {
            return true;
        }
        SubgraphFieldSets sets = fieldSets.get(source.name());
        return sets != null && sets.keyFields().contains(coordinate);
    }
}
