package com.ventusvault.gateway.transport.websocket;

import com.ventusvault.gateway.document.GraphQlRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A message from the client, in either protocol's terms. */
sealed interface ClientMessage {

    /** {@code connection_init}, with its payload (an empty object when it had none). */
    record Init(ObjectNode payload) implements ClientMessage {
    }

    /** {@code ping}: answered with {@code pong} carrying the same payload (may be null). */
    record Ping(JsonNode payload) implements ClientMessage {
    }

    /** {@code pong}: nothing to do. */
    record Pong() implements ClientMessage {
    }

    /** {@code subscribe} (legacy: {@code start}): run an operation under {@code id}. */
    record Subscribe(String id, GraphQlRequest request) implements ClientMessage {
    }

    /** {@code complete} from the client (legacy: {@code stop}): stop the operation {@code id}. */
    record Complete(String id) implements ClientMessage {
    }

    /** {@code connection_terminate} (legacy only): close the connection. */
    record Terminate() implements ClientMessage {
    }

    /** A message that breaks its protocol: the connection is closed with 4400 and this reason. */
    final class Invalid extends RuntimeException {
        Invalid(String reason) {
            super(reason, null, false, false);
        }
    }

    /** The {@code id} of an operation message: a non-empty string. */
    static String id(JsonNode message) {
        JsonNode id = message.get("id");
        if (id == null || !id.isString() || id.asString().isEmpty()) {
            throw new Invalid("Invalid message received: '" + message.path("type").asString("")
                    + "' needs a non-empty string id");
        }
        return id.asString();
    }

    /** The payload of {@code connection_init}: an object, or nothing. */
    static Init init(JsonNode message) {
        JsonNode payload = message.get("payload");
        if (payload == null || payload.isNull()) {
            return new Init(tools.jackson.databind.node.JsonNodeFactory.instance.objectNode());
        }
        if (!(payload instanceof ObjectNode object)) {
            throw new Invalid("Invalid message received: the connection_init payload must be an object");
        }
        return new Init(object);
    }

    /** A subscribe/start message: its id and the GraphQL request in its payload. */
    static Subscribe subscribe(JsonNode message) {
        String id = id(message);
        JsonNode payload = message.get("payload");
        JsonNode query = payload == null ? null : payload.get("query");
        if (query == null || !query.isString()) {
            throw new Invalid("Invalid message received: the payload of operation '" + id + "' needs a query string");
        }
        return new Subscribe(id, new GraphQlRequest(query.asString(), optionalString(payload, "operationName", id),
                optionalObject(payload, "variables", id), optionalObject(payload, "extensions", id)));
    }

    private static String optionalString(JsonNode payload, String field, String id) {
        JsonNode value = payload.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new Invalid("Invalid message received: " + field + " of operation '" + id + "' must be a string");
        }
        return value.asString().isEmpty() ? null : value.asString();
    }

    private static ObjectNode optionalObject(JsonNode payload, String field, String id) {
        JsonNode value = payload.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!(value instanceof ObjectNode object)) {
            throw new Invalid("Invalid message received: " + field + " of operation '" + id + "' must be an object");
        }
        return object;
    }
}
