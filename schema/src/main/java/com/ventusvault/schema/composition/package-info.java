/**
 * Federation 2 composition: {@link com.ventusvault.schema.composition.SupergraphComposer} turns subgraph SDLs into
 * the supergraph SDL (join spec v0.5) our gateway, Apollo Router/Gateway and Hive Gateway load. Sub-packages are the
 * stages, in order: {@code subgraph} (parse), {@code validation} (per-subgraph directive checks, then whole-supergraph
 * checks), {@code merge}, {@code supergraph} (the merged model) and {@code print}.
 */
package com.ventusvault.schema.composition;
