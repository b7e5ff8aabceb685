/**
 * Stage 1: parse each subgraph SDL with graphql-java into a {@link com.ventusvault.schema.composition.subgraph.Subgraph}
 * model, resolving {@code @link} imports and root type names, and checking type references.
 */
package com.ventusvault.schema.composition.subgraph;
