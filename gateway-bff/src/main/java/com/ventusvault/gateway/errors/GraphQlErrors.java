package com.ventusvault.gateway.errors;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/** Builds GraphQL error objects ({@code message}, {@code locations}, {@code path}, {@code extensions.code}). */
public final class GraphQlErrors {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private GraphQlErrors() {
    }

    /** An error with a message and code, without path. */
    public static ObjectNode error(String message, ErrorCode code) {
        ObjectNode error = JSON.objectNode();
        error.put("message", message);
        error.putObject("extensions").put("code", code.name());
        return error;
    }

    /** An error at {@code path} (strings and integers). */
    public static ObjectNode error(String message, ErrorCode code, List<Object> path) {
        ObjectNode error = error(message, code);
        if (path != null && !path.isEmpty()) {
            error.set("path", path(path));
            // keep "extensions" last, as the GraphQL spec's examples do
            error.set("extensions", error.remove("extensions"));
        }
        return error;
    }

    /** A JSON array for a response path. */
    public static ArrayNode path(List<Object> path) {
        ArrayNode array = JSON.arrayNode();
        for (Object segment : path) {
            if (segment instanceof Integer index) {
                array.add(index);
            } else {
                array.add(String.valueOf(segment));
            }
        }
        return array;
    }
}
