package com.ventusvault.gateway.transport.websocket;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The two GraphQL-over-WebSocket protocols, as far as they differ: message names and shapes. What the connection does
 * with the messages is the same for both ({@link GraphQlSocket}); the messages both write alike
 * ({@code connection_ack}, {@code error}, {@code complete}) are written here once.
 */
sealed interface WebSocketProtocol permits GraphQlTransportWsProtocol, LegacyGraphQlWsProtocol {

    /** The subprotocol name the client asks for in {@code Sec-WebSocket-Protocol}. */
    String name();

    /** Writes the messages. */
    ObjectMapper json();

    /** Reads a client message; throws {@link ClientMessage.Invalid} for one the protocol does not allow. */
    ClientMessage parse(JsonNode message);

    /** {@code connection_ack}. */
    default String acknowledge() {
        return message("connection_ack", null, null);
    }

    /** What keeps an idle connection open: {@code ping} (graphql-transport-ws) or {@code ka} (legacy). */
    String keepAlive();

    /** The answer to a client's {@code ping} ({@code pong}); null when the protocol has none. */
    String pong(JsonNode payload);

    /** One result of operation {@code id}. */
    String next(String id, ObjectNode result);

    /** Operation {@code id} failed with {@code errors} (an array payload) and ends (no {@code complete} follows). */
    default String error(String id, List<ObjectNode> errors) {
        var array = JsonNodeFactory.instance.arrayNode();
        errors.forEach(array::add);
        return message("error", id, array);
    }

    /** Operation {@code id} has completed. */
    default String complete(String id) {
        return message("complete", id, null);
    }

    /** Sent before closing a connection whose token was refused: legacy {@code connection_error}; null for none. */
    String connectionError(String message);

    /** Whether the client's stop message is answered with {@code complete} (legacy servers do; graphql-ws must not). */
    boolean completesStoppedOperations();

    /** The protocol for a negotiated subprotocol, or null when it is none of ours. */
    static WebSocketProtocol of(String subprotocol, ObjectMapper json) {
        if (GraphQlTransportWsProtocol.NAME.equals(subprotocol)) {
            return new GraphQlTransportWsProtocol(json);
        }
        if (LegacyGraphQlWsProtocol.NAME.equals(subprotocol)) {
            return new LegacyGraphQlWsProtocol(json);
        }
        return null;
    }

    /** A message {@code {id?, type, payload?}} as text. */
    default String message(String type, String id, JsonNode payload) {
        ObjectNode message = JsonNodeFactory.instance.objectNode();
        if (id != null) {
            message.put("id", id);
        }
        message.put("type", type);
        if (payload != null) {
            message.set("payload", payload);
        }
        return json().writeValueAsString(message);
    }

    /** The refusal of a message whose {@code type} the protocol does not know. */
    static ClientMessage.Invalid unknownType(JsonNode message) {
        return new ClientMessage.Invalid("Invalid message received: unknown type '"
                + message.path("type").asString("") + "'");
    }
}
