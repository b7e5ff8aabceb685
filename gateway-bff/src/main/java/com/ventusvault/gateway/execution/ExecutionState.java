package com.ventusvault.gateway.execution;

import com.ventusvault.gateway.planning.OperationNormalizer;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The mutable state of one plan execution: the data merged so far and the errors. Fetches complete on different
 * event-loop threads, so every read or write of the data holds this object's monitor.
 */
final class ExecutionState {

    final ExecutionRequest request;
    final ObjectNode data = JsonNodeFactory.instance.objectNode();
    final List<ObjectNode> errors = new ArrayList<>();

    ExecutionState(ExecutionRequest request) {
        this.request = request;
    }

    synchronized void addError(ObjectNode error) {
        errors.add(error);
    }

    /** Whether some error already explains a null at {@code path} (an error at the path, above or below it). */
    synchronized boolean hasErrorNear(List<Object> path) {
        for (ObjectNode error : errors) {
            if (!error.has("path")) {
                continue;
            }
            ArrayNode errorPath = (ArrayNode) error.get("path");
            int common = Math.min(errorPath.size(), path.size());
            boolean prefix = true;
            for (int i = 0; i < common && prefix; i++) {
                prefix = segment(errorPath.get(i)).equals(String.valueOf(path.get(i)));
            }
            if (prefix) {
                return true;
            }
        }
        return false;
    }

    private static String segment(tools.jackson.databind.JsonNode node) {
        return node.isNumber() ? String.valueOf(node.intValue()) : node.asString();
    }

    /** A response path segment as the client sees it (renamed aliases restored). */
    static Object clientSegment(Object segment) {
        if (segment instanceof String key && key.startsWith(OperationNormalizer.RENAMED_ALIAS_PREFIX)) {
            return key.substring(OperationNormalizer.RENAMED_ALIAS_PREFIX.length());
        }
        return segment;
    }
}
