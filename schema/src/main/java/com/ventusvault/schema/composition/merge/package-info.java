/**
 * Stage 3: merge subgraphs type by type into the {@link com.ventusvault.schema.composition.supergraph.Supergraph}
 * model, computing the join metadata and reporting conflicts (types, sharing, enums, inputs, arguments).
 */
package com.ventusvault.schema.composition.merge;
