package com.ventusvault.gateway.execution;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.Map;

/** Deep-merges one fetch's result into the data gathered so far: objects field by field, lists element-wise. */
final class ResultMerger {

    private ResultMerger() {
    }

    static void merge(ObjectNode target, ObjectNode source) {
        for (Map.Entry<String, JsonNode> entry : source.properties()) {
            JsonNode existing = target.get(entry.getKey());
            JsonNode incoming = entry.getValue();
            if (existing instanceof ObjectNode existingObject && incoming instanceof ObjectNode incomingObject) {
                merge(existingObject, incomingObject);
            } else if (existing instanceof ArrayNode existingArray && incoming instanceof ArrayNode incomingArray
                    && existingArray.size() == incomingArray.size()) {
                mergeArrays(existingArray, incomingArray);
            } else if (existing == null || !incoming.isNull() || !existing.isContainer()) {
                target.set(entry.getKey(), incoming);
            }
        }
    }

    private static void mergeArrays(ArrayNode target, ArrayNode source) {
        for (int i = 0; i < source.size(); i++) {
            JsonNode existing = target.get(i);
            JsonNode incoming = source.get(i);
            if (existing instanceof ObjectNode existingObject && incoming instanceof ObjectNode incomingObject) {
                merge(existingObject, incomingObject);
            } else if (existing instanceof ArrayNode existingArray && incoming instanceof ArrayNode incomingArray
                    && existingArray.size() == incomingArray.size()) {
                mergeArrays(existingArray, incomingArray);
            } else {
                target.set(i, incoming);
            }
        }
    }
}
