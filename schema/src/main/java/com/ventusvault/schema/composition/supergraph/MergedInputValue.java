package com.ventusvault.schema.composition.supergraph;

import com.ventusvault.schema.composition.subgraph.Annotations;
import com.ventusvault.schema.composition.subgraph.TypeRef;

import java.util.List;

/**
 * A merged argument or input field. Arguments never carry joins; input fields do when subgraphs disagree on the type.
 */
public record MergedInputValue(String name, String description, TypeRef type, String defaultValue, List<JoinField> joins,
        Annotations annotations) {

    public MergedInputValue {
        joins = List.copyOf(joins);
    }
}
