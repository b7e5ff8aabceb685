package com.ventusvault.schema.composition.supergraph;

import com.ventusvault.schema.composition.subgraph.Annotations;

import java.util.function.Predicate;
import java.util.stream.Stream;

/** Looks for an annotation anywhere in a supergraph, to decide which optional specs it links. */
final class AnnotationScan {

    private AnnotationScan() {
    }

    static boolean any(Supergraph supergraph, Predicate<Annotations> test) {
        return supergraph.types().values().stream().flatMap(AnnotationScan::annotations).anyMatch(test);
    }

    private static Stream<Annotations> annotations(MergedType type) {
        Stream<Annotations> own = Stream.of(type.annotations());
        Stream<Annotations> inner = switch (type) {
            case MergedType.Composite composite -> composite.fields().stream().flatMap(f -> Stream.concat(
                    Stream.of(f.annotations()), f.arguments().stream().map(MergedInputValue::annotations)));
            case MergedType.Input input -> input.fields().stream().map(MergedInputValue::annotations);
            case MergedType.Enum enumType -> enumType.values().stream().map(MergedEnumValue::annotations);
            case MergedType.Union ignored -> Stream.empty();
            case MergedType.Scalar ignored -> Stream.empty();
        };
        return Stream.concat(own, inner);
    }
}
