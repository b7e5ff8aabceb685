package com.ventusvault.schema.composition.supergraph;

import com.ventusvault.schema.composition.subgraph.Annotations;

import java.util.List;

/** A merged enum value with the {@code join__Graph} values of the subgraphs that define it. */
public record MergedEnumValue(String name, String description, List<String> graphs, Annotations annotations) {

    public MergedEnumValue {
        graphs = List.copyOf(graphs);
    }
}
