package com.ventusvault.schema.composition.merge;

import com.ventusvault.schema.composition.CompositionError;
import com.ventusvault.schema.composition.CompositionErrorCode;
import com.ventusvault.schema.composition.subgraph.InputValueDef;
import com.ventusvault.schema.composition.subgraph.SubgraphType;
import com.ventusvault.schema.composition.subgraph.TypeRef;
import com.ventusvault.schema.composition.supergraph.JoinField;
import com.ventusvault.schema.composition.supergraph.JoinType;
import com.ventusvault.schema.composition.supergraph.MergedInputValue;
import com.ventusvault.schema.composition.supergraph.MergedType;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Merges an input object type. A client's input must be accepted by every subgraph, so the supergraph keeps only the
 * fields all subgraphs defining the type have (intersection), each with the strictest type; a required field missing
 * from some subgraph is an error.
 */
final class InputMerger {

    private final TypeRelations relations;
    private final List<CompositionError> errors;

    InputMerger(TypeRelations relations, List<CompositionError> errors) {
        this.relations = relations;
        this.errors = errors;
    }

    MergedType.Input merge(String name, List<Sourced<SubgraphType.InputType>> sources) {
        Set<String> names = new LinkedHashSet<>();
        sources.forEach(s -> s.element().fields().forEach(f -> names.add(f.name())));
        List<MergedInputValue> fields = new ArrayList<>();
        for (String fieldName : names) {
            String coordinate = "\"" + name + "." + fieldName + "\"";
            List<Sourced<InputValueDef>> defs = sources.stream().filter(s -> s.element().field(fieldName) != null)
                    .map(s -> new Sourced<>(s.subgraph(), s.element().field(fieldName))).toList();
            if (defs.size() < sources.size()) {
                List<String> required = defs.stream().filter(d -> d.element().required()).map(Sourced::name).toList();
                if (!required.isEmpty()) {
                    List<String> missing = sources.stream().filter(s -> s.element().field(fieldName) == null).map(Sourced::name).toList();
                    errors.add(CompositionError.of(CompositionErrorCode.REQUIRED_INPUT_FIELD_MISSING_IN_SOME_SUBGRAPH,
                            "Input field " + coordinate + " is required in " + ArgumentMerger.subgraphs(required)
                                    + " but missing in " + ArgumentMerger.subgraphs(missing) + ", which also define \"" + name + "\""));
                }
                continue;
            }
            TypeRef type = relations.mergeInput(defs.stream().map(d -> d.element().type()).toList());
            if (type == null) {
                errors.add(CompositionError.of(CompositionErrorCode.FIELD_TYPE_MISMATCH, "Input field " + coordinate
                        + " has incompatible types across subgraphs: " + ArgumentMerger.describe(defs, d -> d.type().toString())));
                continue;
            }
            if (defs.stream().map(d -> d.element().defaultValue()).distinct().count() > 1) {
                errors.add(CompositionError.of(CompositionErrorCode.INPUT_FIELD_DEFAULT_MISMATCH, "Input field " + coordinate
                        + " has different default values: " + ArgumentMerger.describe(defs, d -> Objects.toString(d.defaultValue(), "no default"))));
                continue;
            }
            boolean allTypesEqual = defs.stream().allMatch(d -> d.element().type().equals(defs.getFirst().element().type()));
            List<JoinField> joins = allTypesEqual ? List.of() : defs.stream()
                    .map(d -> new JoinField(d.graph(), null, null, null, d.element().type().toString(), false, false)).toList();
            fields.add(new MergedInputValue(fieldName,
                    ElementMerge.description(defs.stream().map(d -> d.element().description()).toList()),
                    type, defs.getFirst().element().defaultValue(), joins,
                    ElementMerge.annotations(defs.stream().map(d -> d.element().annotations()).toList())));
        }
        if (fields.isEmpty()) {
            errors.add(CompositionError.of(CompositionErrorCode.EMPTY_MERGED_INPUT_TYPE, "Input type \"" + name
                    + "\" has no field common to all subgraphs defining it (" + ArgumentMerger.subgraphs(sources.stream().map(Sourced::name).toList()) + ")"));
        }
        return new MergedType.Input(name, ElementMerge.description(sources.stream().map(s -> s.element().description()).toList()),
                fields, sources.stream().map(s -> new JoinType(s.graph(), null, false, true, false)).toList(),
                ElementMerge.annotations(sources.stream().map(s -> s.element().annotations()).toList()));
    }
}
