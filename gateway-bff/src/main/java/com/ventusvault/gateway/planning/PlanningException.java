package com.ventusvault.gateway.planning;

/** An operation the planner cannot plan over the supergraph; the message names the field and subgraph. */
public class PlanningException extends RuntimeException {

    public PlanningException(String message) {
        super(message);
    }
}
