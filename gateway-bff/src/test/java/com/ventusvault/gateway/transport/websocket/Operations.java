package com.ventusvault.gateway.transport.websocket;

import java.util.Map;

/**
 * Messages the WebSocket tests send, shared without state (each test class keeps its own stubs, so that using these
 * never starts another class's stub subgraphs).
 */
final class Operations {

    static final String PROTOCOL = "graphql-transport-ws";
    static final String BALANCE = "subscription($w: ID!) { balanceUpdated(walletId: $w) { version "
            + "balance { amount currency } wallet { id owner { displayName } } } }";

    private Operations() {
    }

    /** A graphql-transport-ws {@code subscribe}. */
    static Map<String, Object> subscribe(String id, String query, Map<String, Object> variables) {
        return Map.of("id", id, "type", "subscribe", "payload", Map.of("query", query, "variables", variables));
    }
}
