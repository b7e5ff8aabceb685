package com.ventusvault.gateway.execution.subscriptions;

import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/** What a running subscription sends its client: results, until it completes or fails. */
public sealed interface SubscriptionEvent {

    /**
     * One result of the subscription, shaped for the client ({@code data}, and {@code errors} when a part of it failed,
     * e.g. an entity fetch to another subgraph).
     */
    record Next(ObjectNode payload) implements SubscriptionEvent {
    }

    /**
     * The subscription ended with errors and sends nothing more: the subgraph refused it (e.g. FORBIDDEN for another
     * user's wallet) or lost it (SUBGRAPH_UNAVAILABLE when its connection dropped), or the gateway refused it.
     * Always the last event.
     */
    record Failed(List<ObjectNode> errors) implements SubscriptionEvent {
        public Failed {
            errors = List.copyOf(errors);
        }
    }
}
