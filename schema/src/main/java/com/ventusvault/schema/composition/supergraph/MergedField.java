package com.ventusvault.schema.composition.supergraph;

import com.ventusvault.schema.composition.subgraph.Annotations;
import com.ventusvault.schema.composition.subgraph.TypeRef;

import java.util.List;

/**
 * A merged field of an object or interface. {@code joins} is empty when every subgraph defining the parent type
 * defines this field identically (the join spec's rule for omitting {@code @join__field}).
 */
public record MergedField(String name, String description, TypeRef type, List<MergedInputValue> arguments,
        List<JoinField> joins, Annotations annotations) {

    public MergedField {
        arguments = List.copyOf(arguments);
        joins = List.copyOf(joins);
    }
}
