package com.ventusvault.gateway.execution.subscriptions;

import tools.jackson.databind.JsonNode;

/** A subgraph answered a subscription with graphql-transport-ws {@code error}: its errors, as the subgraph sent them. */
final class UpstreamRefusal extends RuntimeException {

    private final transient JsonNode errors;

    UpstreamRefusal(JsonNode errors) {
        super("subscription refused by the subgraph", null, false, false);
        this.errors = errors;
    }

    /** The errors as the subgraph sent them (a JSON array, or whatever it sent instead). */
    JsonNode errors() {
        return errors;
    }
}
