package com.ventusvault.schema.composition.merge;

import com.ventusvault.schema.composition.subgraph.Subgraph;

/** An element as one subgraph defines it; merging works on the list of these, in subgraph order. */
record Sourced<T>(Subgraph subgraph, T element) {

    String graph() {
        return subgraph.graphEnumValue();
    }

    String name() {
        return subgraph.name();
    }
}
