package com.ventusvault.gateway.execution;

import com.ventusvault.gateway.planning.PlanNode.Fetch;
import com.ventusvault.gateway.planning.PlanNode.Flatten;
import com.ventusvault.gateway.planning.PlanNode.RequiredField;
import com.ventusvault.gateway.planning.PlanNode.RequiredFragment;
import com.ventusvault.gateway.supergraph.Supergraph;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The representations of one {@code _entities} request: every object at the fetch's paths whose type the fetch
 * covers, de-duplicated (equal representations are sent once), with the objects each result merges into.
 */
final class EntityBatch {

    /** An object in the merged data and its response path. */
    record Target(ObjectNode object, List<Object> path) {
    }

    final Fetch fetch;
    final ArrayNode representations = JsonNodeFactory.instance.arrayNode();
    final List<List<Target>> targets = new ArrayList<>();
    private final Map<String, Integer> indexByRepresentation = new HashMap<>();

    private final Supergraph supergraph;

    private EntityBatch(Fetch fetch, Supergraph supergraph) {
        this.fetch = fetch;
        this.supergraph = supergraph;
    }

    /** Collects from {@code data}; the caller holds the data's monitor. */
    static EntityBatch collect(List<Flatten> flattens, ObjectNode data, Supergraph supergraph) {
        EntityBatch batch = new EntityBatch(flattens.getFirst().node(), supergraph);
        for (Flatten flatten : flattens) {
            List<Target> found = new ArrayList<>();
            walk(data, flatten.path(), 0, new ArrayList<>(), found);
            found.forEach(batch::add);
        }
        return batch;
    }

    private static void walk(JsonNode node, List<String> path, int at, List<Object> concrete, List<Target> into) {
        if (node == null || node.isNull()) {
            return;
        }
        if (at == path.size()) {
            if (node instanceof ObjectNode object) {
                into.add(new Target(object, List.copyOf(concrete)));
            } else if (node instanceof ArrayNode array) { // a list the plan did not mark with @
                for (int i = 0; i < array.size(); i++) {
                    concrete.add(i);
                    walk(array.get(i), path, at, concrete, into);
                    concrete.removeLast();
                }
            }
            return;
        }
        String step = path.get(at);
        if (step.equals("@")) {
            if (node instanceof ArrayNode array) {
                for (int i = 0; i < array.size(); i++) {
                    concrete.add(i);
                    walk(array.get(i), path, at + 1, concrete, into);
                    concrete.removeLast();
                }
            }
            return;
        }
        concrete.add(ExecutionState.clientSegment(step));
        walk(node.get(step), path, at + 1, concrete, into);
        concrete.removeLast();
    }

    private void add(Target target) {
        JsonNode typename = target.object().get("__typename");
        if (typename == null || !typename.isString()) {
            return;
        }
        RequiredFragment fragment = fragmentFor(typename.asString());
        if (fragment == null) {
            return;
        }
        ObjectNode representation = JsonNodeFactory.instance.objectNode();
        if (!copy(target.object(), fragment.fields(), representation)) {
            return; // key or required data missing (e.g. an earlier fetch failed): nothing to ask for
        }
        if (!fragment.typeCondition().equals(typename.asString())) {
            // an interface entity (e.g. an @interfaceObject) is asked for under the interface's name
            representation.put("__typename", fragment.typeCondition());
        }
        String key = representation.toString();
        Integer index = indexByRepresentation.get(key);
        if (index == null) {
            index = representations.size();
            indexByRepresentation.put(key, index);
            representations.add(representation);
            targets.add(new ArrayList<>());
        }
        targets.get(index).add(target);
    }

    /** The representation shape for objects of {@code typename}: its own, else an interface's it implements. */
    private RequiredFragment fragmentFor(String typename) {
        for (RequiredFragment fragment : fetch.requires()) {
            if (fragment.typeCondition().equals(typename)) {
                return fragment;
            }
        }
        for (RequiredFragment fragment : fetch.requires()) {
            if (supergraph.types().containsKey(fragment.typeCondition())
                    && supergraph.possibleTypes(fragment.typeCondition()).contains(typename)) {
                return fragment;
            }
        }
        return null;
    }

    private boolean copy(ObjectNode from, List<RequiredField> fields, ObjectNode into) {
        for (RequiredField field : fields) {
            if (field.isFragment()) {
                JsonNode typename = from.get("__typename");
                if (typename != null && typename.isString() && matches(field.typeCondition(), typename.asString())
                        && !copy(from, field.selections(), into)) {
                    return false;
                }
                continue;
            }
            JsonNode value = from.get(field.key());
            if (value == null) {
                return false;
            }
            if (field.selections().isEmpty() || value.isNull()) {
                into.set(field.name(), value);
            } else {
                JsonNode copied = copyValue(value, field.selections());
                if (copied == null) {
                    return false;
                }
                into.set(field.name(), copied);
            }
        }
        return true;
    }

    private boolean matches(String typeCondition, String typename) {
        return typeCondition.equals(typename) || (supergraph.types().containsKey(typeCondition)
                && supergraph.possibleTypes(typeCondition).contains(typename));
    }

    private JsonNode copyValue(JsonNode value, List<RequiredField> fields) {
        if (value instanceof ObjectNode object) {
            ObjectNode result = JsonNodeFactory.instance.objectNode();
            if (object.get("__typename") != null && fields.stream().anyMatch(RequiredField::isFragment)) {
                result.set("__typename", object.get("__typename"));
            }
            return copy(object, fields, result) ? result : null;
        }
        if (value instanceof ArrayNode array) {
            ArrayNode result = JsonNodeFactory.instance.arrayNode();
            for (JsonNode item : array) {
                JsonNode copied = item.isNull() ? item : copyValue(item, fields);
                if (copied == null) {
                    return null;
                }
                result.add(copied);
            }
            return result;
        }
        return value;
    }

    boolean isEmpty() {
        return representations.isEmpty();
    }
}
