package com.ventusvault.schema.composition.subgraph;

import java.util.List;

/**
 * A field of an object or interface type in one subgraph, with the federation directives that apply to it.
 *
 * @param shareable   {@code @shareable} on the field or on the type definition block that declares it
 *                    (key fields are shareable too, but that is decided by validation, which parses the keys)
 * @param external    {@code @external} on the field or on the type definition block that declares it
 * @param requires    the {@code @requires(fields:)} selection, or {@code null}
 * @param provides    the {@code @provides(fields:)} selection, or {@code null}
 * @param overrideFrom the {@code @override(from:)} subgraph name, or {@code null}
 */
public record FieldDef(
        String name,
        String description,
        TypeRef type,
        List<InputValueDef> arguments,
        boolean shareable,
        boolean external,
        String requires,
        String provides,
        String overrideFrom,
        Annotations annotations) {

    public FieldDef {
        arguments = List.copyOf(arguments);
    }

    public InputValueDef argument(String argumentName) {
        return arguments.stream().filter(a -> a.name().equals(argumentName)).findFirst().orElse(null);
    }
}
