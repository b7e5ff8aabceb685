package com.ventusvault.gateway.transport.websocket;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * graphql-transport-ws, the protocol of the graphql-ws library: {@code connection_init}/{@code connection_ack},
 * {@code ping}/{@code pong}, {@code subscribe}, {@code next}, {@code error} (an array of GraphQL errors, terminal),
 * {@code complete} in both directions.
 */
record GraphQlTransportWsProtocol(ObjectMapper json) implements WebSocketProtocol {

    static final String NAME = "graphql-transport-ws";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ClientMessage parse(JsonNode message) {
        return switch (message.path("type").asString("")) {
            case "connection_init" -> ClientMessage.init(message);
            case "ping" -> new ClientMessage.Ping(message.get("payload"));
            case "pong" -> new ClientMessage.Pong();
            case "subscribe" -> ClientMessage.subscribe(message);
            case "complete" -> new ClientMessage.Complete(ClientMessage.id(message));
            default -> throw WebSocketProtocol.unknownType(message);
        };
    }

    @Override
    public String keepAlive() {
        return message("ping", null, null);
    }

    @Override
    public String pong(JsonNode payload) {
        return message("pong", null, payload == null || payload.isNull() ? null : payload);
    }

    @Override
    public String next(String id, ObjectNode result) {
        return message("next", id, result);
    }

    @Override
    public String connectionError(String message) {
        return null; // graphql-ws closes with 4403 and says nothing else
    }

    @Override
    public boolean completesStoppedOperations() {
        return false; // PROTOCOL.md: after the client's complete, nothing more is sent for that id
    }
}
