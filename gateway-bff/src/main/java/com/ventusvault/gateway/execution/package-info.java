/**
 * The execution stage: runs a {@link com.ventusvault.gateway.planning.QueryPlan} against the subgraphs over
 * non-blocking HTTP, batches entity representations, merges results, and shapes the client's response.
 */
package com.ventusvault.gateway.execution;
