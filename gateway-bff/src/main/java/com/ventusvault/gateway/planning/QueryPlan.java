package com.ventusvault.gateway.planning;

/**
 * The plan for one operation: the fetch tree (null when nothing needs a subgraph, e.g. pure introspection)
 * and the normalised client operation the executor shapes the response from.
 */
public record QueryPlan(PlanNode node, ClientOperation operation) {
}
