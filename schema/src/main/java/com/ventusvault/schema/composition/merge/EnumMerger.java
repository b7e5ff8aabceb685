package com.ventusvault.schema.composition.merge;

import com.ventusvault.schema.composition.CompositionError;
import com.ventusvault.schema.composition.CompositionErrorCode;
import com.ventusvault.schema.composition.subgraph.EnumValueDef;
import com.ventusvault.schema.composition.subgraph.SubgraphType;
import com.ventusvault.schema.composition.supergraph.JoinType;
import com.ventusvault.schema.composition.supergraph.MergedEnumValue;
import com.ventusvault.schema.composition.supergraph.MergedType;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Merges an enum by where it is used: an output-only (or unused) enum takes the union of the values (a client must be
 * ready for any of them); an input-only enum the intersection (every subgraph must accept what a client sends); an
 * enum used both ways must have the same values everywhere, else ENUM_VALUE_MISMATCH.
 */
final class EnumMerger {

    private final List<CompositionError> errors;

    EnumMerger(List<CompositionError> errors) {
        this.errors = errors;
    }

    MergedType.Enum merge(String name, List<Sourced<SubgraphType.EnumType>> sources, EnumUsage usage) {
        Set<String> names = new LinkedHashSet<>();
        sources.forEach(s -> s.element().values().forEach(v -> names.add(v.name())));
        List<MergedEnumValue> values = new ArrayList<>();
        for (String valueName : names) {
            List<Sourced<SubgraphType.EnumType>> having = sources.stream().filter(s -> s.element().hasValue(valueName)).toList();
            boolean everywhere = having.size() == sources.size();
            if (!everywhere && usage.input() && usage.output()) {
                List<String> missing = sources.stream().filter(s -> !s.element().hasValue(valueName)).map(Sourced::name).toList();
                errors.add(CompositionError.of(CompositionErrorCode.ENUM_VALUE_MISMATCH, "Enum type \"" + name
                        + "\" is used as both input type (e.g. \"" + usage.inputExample() + "\") and output type (e.g. \""
                        + usage.outputExample() + "\"), but value \"" + valueName + "\" is not defined in all subgraphs defining \""
                        + name + "\": it is defined in " + ArgumentMerger.subgraphs(having.stream().map(Sourced::name).toList())
                        + " but not in " + ArgumentMerger.subgraphs(missing)));
                continue;
            }
            if (!everywhere && usage.input()) {
                continue;
            }
            List<EnumValueDef> defs = having.stream().map(s -> s.element().values().stream()
                    .filter(v -> v.name().equals(valueName)).findFirst().orElseThrow()).toList();
            values.add(new MergedEnumValue(valueName,
                    ElementMerge.description(defs.stream().map(EnumValueDef::description).toList()),
                    having.stream().map(Sourced::graph).toList(),
                    ElementMerge.annotations(defs.stream().map(EnumValueDef::annotations).toList())));
        }
        if (values.isEmpty() && !names.isEmpty() && usage.input() && !usage.output()) {
            errors.add(CompositionError.of(CompositionErrorCode.EMPTY_MERGED_ENUM_TYPE, "Enum type \"" + name
                    + "\" is used only as an input type (e.g. \"" + usage.inputExample()
                    + "\") and has no value common to all subgraphs defining it"));
        }
        return new MergedType.Enum(name, ElementMerge.description(sources.stream().map(s -> s.element().description()).toList()),
                values, sources.stream().map(s -> new JoinType(s.graph(), null, false, true, false)).toList(),
                ElementMerge.annotations(sources.stream().map(s -> s.element().annotations()).toList()));
    }
}
