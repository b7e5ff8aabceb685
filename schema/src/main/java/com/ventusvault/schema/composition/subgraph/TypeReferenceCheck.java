package com.ventusvault.schema.composition.subgraph;

import com.ventusvault.schema.composition.CompositionError;
import com.ventusvault.schema.composition.CompositionErrorCode;

import java.util.List;
import java.util.Set;

/**
 * Checks that every type a subgraph references exists in it and has the right kind: field types are output types,
 * argument and input field types are input types, union members are objects, implemented types are interfaces
 * and an object defines every field of the interfaces it implements.
 */
final class TypeReferenceCheck {

    static final Set<String> BUILT_IN_SCALARS = Set.of("String", "Int", "Float", "Boolean", "ID");

    private final Subgraph subgraph;
    private final List<CompositionError> errors;

    TypeReferenceCheck(Subgraph subgraph, List<CompositionError> errors) {
        this.subgraph = subgraph;
        this.errors = errors;
    }

    void run() {
        for (SubgraphType type : subgraph.types().values()) {
            switch (type) {
                case SubgraphType.CompositeType composite -> checkComposite(composite);
                case SubgraphType.UnionType union -> union.members().forEach(member ->
                        expect(member, "union \"" + union.name() + "\" member", Kind.OBJECT));
                case SubgraphType.InputType input -> input.fields().forEach(field ->
                        expect(field.type().baseName(), "input field \"" + input.name() + "." + field.name() + "\"", Kind.INPUT));
                case SubgraphType.EnumType ignored -> { }
                case SubgraphType.ScalarType ignored -> { }
            }
        }
    }

    private void checkComposite(SubgraphType.CompositeType composite) {
        for (String itf : composite.interfaces()) {
            expect(itf, "type \"" + composite.name() + "\" implements", Kind.INTERFACE);
            subgraph.composite(itf).ifPresent(itfType -> itfType.fields().stream()
                    .filter(field -> composite.field(field.name()) == null)
                    .forEach(field -> errors.add(CompositionError.of(CompositionErrorCode.INVALID_GRAPHQL,
                            "Subgraph \"" + subgraph.name() + "\": type \"" + composite.name() + "\" implements \"" + itf
                                    + "\" but lacks its field \"" + itf + "." + field.name() + "\""))));
        }
        for (FieldDef field : composite.fields()) {
            String coordinate = composite.name() + "." + field.name();
            expect(field.type().baseName(), "field \"" + coordinate + "\"", Kind.OUTPUT);
            for (InputValueDef argument : field.arguments()) {
                expect(argument.type().baseName(), "argument \"" + coordinate + "(" + argument.name() + ":)\"", Kind.INPUT);
            }
        }
    }

    private enum Kind { OBJECT, INTERFACE, INPUT, OUTPUT }

    private void expect(String typeName, String where, Kind kind) {
        SubgraphType type = subgraph.type(typeName);
        if (type == null) {
            if (!BUILT_IN_SCALARS.contains(typeName) || kind == Kind.OBJECT || kind == Kind.INTERFACE) {
                errors.add(CompositionError.of(CompositionErrorCode.UNKNOWN_TYPE,
                        "Subgraph \"" + subgraph.name() + "\": " + where + " references unknown type \"" + typeName + "\""));
            }
            return;
        }
        boolean ok = switch (kind) {
            case OBJECT -> type instanceof SubgraphType.CompositeType c && !c.isInterface();
            case INTERFACE -> type instanceof SubgraphType.CompositeType c && c.isInterface();
            case INPUT -> type instanceof SubgraphType.InputType || type instanceof SubgraphType.EnumType
                    || type instanceof SubgraphType.ScalarType;
            case OUTPUT -> !(type instanceof SubgraphType.InputType);
        };
        if (!ok) {
            errors.add(CompositionError.of(CompositionErrorCode.INVALID_GRAPHQL,
                    "Subgraph \"" + subgraph.name() + "\": " + where + " references \"" + typeName + "\", which is "
                            + article(type.kindName()) + ", not " + article(kind.name().toLowerCase() + (kind == Kind.INPUT || kind == Kind.OUTPUT ? " type" : " type"))));
        }
    }

    private static String article(String word) {
        return ("aeiou".indexOf(word.charAt(0)) >= 0 ? "an " : "a ") + word;
    }
}
