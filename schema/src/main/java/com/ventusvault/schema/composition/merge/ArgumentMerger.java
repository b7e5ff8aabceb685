package com.ventusvault.schema.composition.merge;

import com.ventusvault.schema.composition.CompositionError;
import com.ventusvault.schema.composition.CompositionErrorCode;
import com.ventusvault.schema.composition.subgraph.FieldDef;
import com.ventusvault.schema.composition.subgraph.InputValueDef;
import com.ventusvault.schema.composition.subgraph.TypeRef;
import com.ventusvault.schema.composition.supergraph.MergedInputValue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Merges the arguments of one field across the subgraphs that resolve it. The supergraph keeps only arguments every
 * such subgraph accepts (a required argument missing somewhere is an error), with the strictest type.
 */
final class ArgumentMerger {

    private final TypeRelations relations;
    private final List<CompositionError> errors;

    ArgumentMerger(TypeRelations relations, List<CompositionError> errors) {
        this.relations = relations;
        this.errors = errors;
    }

    List<MergedInputValue> merge(String coordinate, List<Sourced<FieldDef>> sources) {
        Set<String> names = new LinkedHashSet<>();
        sources.forEach(s -> s.element().arguments().forEach(a -> names.add(a.name())));
        List<MergedInputValue> merged = new ArrayList<>();
        for (String name : names) {
            List<Sourced<InputValueDef>> defs = sources.stream()
                    .filter(s -> s.element().argument(name) != null)
                    .map(s -> new Sourced<>(s.subgraph(), s.element().argument(name))).toList();
            String argument = "\"" + coordinate + "(" + name + ":)\"";
            if (defs.size() < sources.size()) {
                List<String> required = defs.stream().filter(d -> d.element().required()).map(Sourced::name).toList();
                if (!required.isEmpty()) {
                    List<String> missing = sources.stream().filter(s -> s.element().argument(name) == null).map(Sourced::name).toList();
                    errors.add(CompositionError.of(CompositionErrorCode.REQUIRED_ARGUMENT_MISSING_IN_SOME_SUBGRAPH,
                            "Argument " + argument + " is required in " + subgraphs(required) + " but missing in " + subgraphs(missing)
                                    + ", which also resolve that field"));
                }
                continue;
            }
            TypeRef type = relations.mergeInput(defs.stream().map(d -> d.element().type()).toList());
            if (type == null) {
                errors.add(CompositionError.of(CompositionErrorCode.FIELD_ARGUMENT_TYPE_MISMATCH,
                        "Argument " + argument + " has incompatible types: " + describe(defs, d -> d.type().toString())));
                continue;
            }
            if (defs.stream().map(d -> d.element().defaultValue()).distinct().count() > 1) {
                errors.add(CompositionError.of(CompositionErrorCode.FIELD_ARGUMENT_DEFAULT_MISMATCH,
                        "Argument " + argument + " has different default values: "
                                + describe(defs, d -> Objects.toString(d.defaultValue(), "no default"))));
                continue;
            }
            merged.add(new MergedInputValue(name,
                    ElementMerge.description(defs.stream().map(d -> d.element().description()).toList()),
                    type, defs.getFirst().element().defaultValue(), List.of(),
                    ElementMerge.annotations(defs.stream().map(d -> d.element().annotations()).toList())));
        }
        return merged;
    }

    static String subgraphs(List<String> names) {
        String quoted = names.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(", "));
        return (names.size() == 1 ? "subgraph " : "subgraphs ") + quoted;
    }

    static <T> String describe(List<Sourced<T>> sources, java.util.function.Function<T, String> what) {
        return sources.stream().map(s -> what.apply(s.element()) + " in subgraph \"" + s.name() + "\"").collect(Collectors.joining(", "));
    }
}
