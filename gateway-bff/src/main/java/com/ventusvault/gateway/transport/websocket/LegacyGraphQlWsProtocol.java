package com.ventusvault.gateway.transport.websocket;

import com.ventusvault.gateway.errors.ErrorCode;
import com.ventusvault.gateway.errors.GraphQlErrors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The legacy {@code graphql-ws} subprotocol of subscriptions-transport-ws (Apollo's old client, graphql_flutter's
 * default): {@code connection_init}, {@code connection_ack}, {@code ka} keep-alives, {@code start}, {@code data},
 * {@code error}, {@code complete}, {@code stop}, {@code connection_terminate}, and {@code connection_error} for a
 * refused connection. Results go in {@code data}; an operation that fails as a whole gets {@code error} with the
 * array of GraphQL errors as payload (subscriptions-transport-ws clients read an array or a single error).
 */
record LegacyGraphQlWsProtocol(ObjectMapper json) implements WebSocketProtocol {

    static final String NAME = "graphql-ws";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ClientMessage parse(JsonNode message) {
        return switch (message.path("type").asString("")) {
            case "connection_init" -> ClientMessage.init(message);
            case "start" -> ClientMessage.subscribe(message);
            case "stop" -> new ClientMessage.Complete(ClientMessage.id(message));
            case "connection_terminate" -> new ClientMessage.Terminate();
            default -> throw WebSocketProtocol.unknownType(message);
        };
    }

    @Override
    public String keepAlive() {
        return message("ka", null, null);
    }

    @Override
    public String pong(JsonNode payload) {
        return null;
    }

    @Override
    public String next(String id, ObjectNode result) {
        return message("data", id, result);
    }

    @Override
    public String connectionError(String message) {
        return message("connection_error", null,
                GraphQlErrors.error(message, ErrorCode.UNAUTHENTICATED));
    }

    @Override
    public boolean completesStoppedOperations() {
        return true;
    }
}
