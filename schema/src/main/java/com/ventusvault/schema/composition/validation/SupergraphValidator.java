package com.ventusvault.schema.composition.validation;

import com.ventusvault.schema.composition.CompositionError;
import com.ventusvault.schema.composition.subgraph.Subgraph;
import com.ventusvault.schema.composition.supergraph.Supergraph;

import java.util.List;

/**
 * Stage 4 of composition: checks that need the whole merged supergraph: objects implement every field of their
 * interfaces, and every field can be reached by a gateway (a light form of Apollo's satisfiability check).
 */
public final class SupergraphValidator {

    public void validate(Supergraph supergraph, List<Subgraph> subgraphs, List<CompositionError> errors) {
        new InterfaceImplementationCheck(supergraph, errors).run();
        new ReachabilityCheck(supergraph, subgraphs, errors).run();
    }
}
