/**
 * The planning stage: turns a validated client operation into a {@link com.ventusvault.gateway.planning.QueryPlan}
 * (fetches per subgraph, in sequence or parallel, merged at paths). Depends only on the supergraph model.
 * See {@link com.ventusvault.gateway.planning.QueryPlanner} for the algorithm.
 */
package com.ventusvault.gateway.planning;
