package com.ventusvault.gateway.transport.http;

import com.ventusvault.gateway.document.GraphQlRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a GraphQL-over-HTTP request body ({@code {"query", "operationName", "variables", "extensions"}}), for every
 * transport that takes one (POST with JSON, SSE).
 */
public final class GraphQlRequestReader {

    private GraphQlRequestReader() {
    }

    /** A request that is not a GraphQL-over-HTTP request (HTTP 400); its message goes to the client. */
    public static final class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    /** The request in a JSON body; throws {@link Malformed} saying what is wrong with it. */
    public static GraphQlRequest fromBody(JsonNode body) {
        if (!(body instanceof ObjectNode object)) {
            throw new Malformed("The request body must be a JSON object");
        }
        JsonNode query = object.get("query");
        if (query == null || query.isNull()) {
            throw new Malformed("The request has no query");
        }
        if (!query.isString()) {
            throw new Malformed("query must be a string");
        }
        JsonNode operationName = object.get("operationName");
        if (operationName != null && !operationName.isNull() && !operationName.isString()) {
            throw new Malformed("operationName must be a string");
        }
        return new GraphQlRequest(query.asString(),
                operationName == null || operationName.isNull() ? null : operationName.asString(),
                objectOrNull(object.get("variables"), "variables"), objectOrNull(object.get("extensions"),
                "extensions"));
    }

    /** {@code node} as an object, null for absent or null; throws {@link Malformed} for anything else. */
    static ObjectNode objectOrNull(JsonNode node, String name) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node instanceof ObjectNode object) {
            return object;
        }
        throw new Malformed(name + " must be a JSON object");
    }
}
