package com.ventusvault.gateway.transport.websocket;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * graphql-transport-ws, the protocol of the graphql-ws library: {@code connection_init}/{@code connection_ack},
 * {@code ping}/{@code pong}, {@code subscribe}, {@code next}, {@code error} (an array of GraphQL errors, terminal),
 * {@code complete} in both directions.
 */
final class GraphQlTransportWsProtocol implements WebSocketProtocol {

    static final String NAME = "graphql-transport-ws";

    private final ObjectMapper json;

    GraphQlTransportWsProtocol(ObjectMapper json) {
        this.json = json;
    }

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
            default -> throw new ClientMessage.Invalid("Invalid message received: unknown type '"
                    + message.path("type").asString("") + "'");
        };
    }

    @Override
    public String acknowledge() {
        return WebSocketProtocol.message(json, "connection_ack", null, null);
    }

    @Override
    public String keepAlive() {
        return WebSocketProtocol.message(json, "ping", null, null);
    }

    @Override
    public String pong(JsonNode payload) {
        return WebSocketProtocol.message(json, "pong", null, payload == null || payload.isNull() ? null : payload);
    }

    @Override
    public String next(String id, ObjectNode result) {
        return WebSocketProtocol.message(json, "next", id, result);
    }

    @Override
    public String error(String id, List<ObjectNode> errors) {
        var array = JsonNodeFactory.instance.arrayNode();
        errors.forEach(array::add);
        return WebSocketProtocol.message(json, "error", id, array);
    }

    @Override
    public String complete(String id) {
        return WebSocketProtocol.message(json, "complete", id, null);
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
