package com.ventusvault.gateway.execution;

import com.ventusvault.gateway.errors.ErrorCode;
import com.ventusvault.gateway.errors.GraphQlErrors;
import com.ventusvault.gateway.planning.ClientField;
import com.ventusvault.gateway.planning.ClientFragment;
import com.ventusvault.gateway.planning.ClientSelection;
import com.ventusvault.gateway.supergraph.Supergraph;
import com.ventusvault.gateway.supergraph.TypeKind;
import graphql.language.BooleanValue;
import graphql.language.Directive;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.language.VariableReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the client's response from the merged subgraph data by walking the client's operation: fields in the
 * client's order under the client's response keys, {@code @skip}/{@code @include} applied, {@code __typename}
 * answered, fields the planner added left out, and nulls in non-null positions propagated to the nearest nullable
 * parent (GraphQL spec, "Handling Field Errors").
 */
final class ResponseShaper {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Supergraph supergraph;

    ResponseShaper(Supergraph supergraph) {
        this.supergraph = supergraph;
    }

    ObjectNode shape(ExecutionState state) {
        ObjectNode response = JSON.objectNode();
        var operation = state.request.plan().operation();
        ObjectNode data;
        synchronized (state) {
            data = object(state, operation.rootType(), state.data, operation.selections(), new ArrayList<>(), true);
        }
        if (!state.errors.isEmpty()) {
            ArrayNode errors = response.putArray("errors");
            state.errors.forEach(errors::add);
        }
        response.set("data", data == null ? NullNode.getInstance() : data);
        return response;
    }

    /** Returns the shaped object, or null when a non-null field is null and the object itself must be null. */
    private ObjectNode object(ExecutionState state, String type, ObjectNode source, List<ClientSelection> selections,
                              List<Object> path, boolean root) {
        ObjectNode result = JSON.objectNode();
        for (Map.Entry<String, List<ClientField>> entry : collect(state, type, selections).entrySet()) {
            ClientField field = entry.getValue().getFirst();
            String key = entry.getKey();
            if (field.name().equals("__typename")) {
                result.put(key, type);
                continue;
            }
            if (root && field.type() == null) { // __schema / __type, answered from the API schema
                ObjectNode introspection = state.request.introspection();
                JsonNode answer = introspection == null ? null : introspection.get("data").get(key);
                result.set(key, answer == null ? NullNode.getInstance() : answer);
                continue;
            }
            List<ClientSelection> subSelections = new ArrayList<>();
            entry.getValue().forEach(f -> subSelections.addAll(f.selections()));
            path.add(key);
            JsonNode value = complete(state, field, field.type(), source.get(field.storageKey()), subSelections, path);
            path.removeLast();
            if (value == null) {
                return null;
            }
            result.set(key, value);
        }
        return result;
    }

    /** Returns the completed value, {@link NullNode} for null, or Java null to propagate a non-null violation. */
    private JsonNode complete(ExecutionState state, ClientField field, Type<?> type, JsonNode value,
                              List<ClientSelection> selections, List<Object> path) {
        if (type instanceof NonNullType nonNull) {
            JsonNode completed = complete(state, field, nonNull.getType(), value, selections, path);
            if (completed == null || completed.isNull()) {
                if (!state.hasErrorNear(path)) {
                    state.addError(GraphQlErrors.error("Cannot return null for non-nullable field "
                            + field.parentType() + "." + field.name() + ".", ErrorCode.INTERNAL, List.copyOf(path)));
                }
                return null;
            }
            return completed;
        }
        if (value == null || value.isNull()) {
            return NullNode.getInstance();
        }
        if (type instanceof ListType list) {
            if (!(value instanceof ArrayNode array)) {
                return NullNode.getInstance();
            }
            ArrayNode result = JSON.arrayNode();
            for (int i = 0; i < array.size(); i++) {
                path.add(i);
                JsonNode item = complete(state, field, list.getType(), array.get(i), selections, path);
                path.removeLast();
                if (item == null) {
                    return NullNode.getInstance();
                }
                result.add(item);
            }
            return result;
        }
        String named = ((TypeName) type).getName();
        TypeKind kind = supergraph.type(named).kind();
        if (kind == TypeKind.ENUM && !supergraph.isVisibleEnumValue(named, value.asString())) {
            // a value the client's schema does not have (@inaccessible, or only in one subgraph's enum)
            state.addError(GraphQlErrors.error("Enum '" + named + "' cannot represent value \""
                    + value.asString() + "\"", ErrorCode.INTERNAL, List.copyOf(path)));
            return NullNode.getInstance();
        }
        if (!kind.isComposite()) {
            return value;
        }
        if (!(value instanceof ObjectNode object)) {
            return NullNode.getInstance();
        }
        String runtimeType = named;
        if (kind.isAbstract()) {
            JsonNode typename = object.get("__typename");
            if (typename == null || !typename.isString()) {
                return NullNode.getInstance();
            }
            runtimeType = typename.asString();
            if (!supergraph.isVisible(runtimeType)) {
                return NullNode.getInstance(); // an @inaccessible implementation: clients cannot see it
            }
        }
        ObjectNode shaped = object(state, runtimeType, object, selections, path, false);
        return shaped == null ? NullNode.getInstance() : shaped;
    }

    /** GraphQL's CollectFields for one runtime type: included fields grouped by response key, in order. */
    private Map<String, List<ClientField>> collect(ExecutionState state, String type, List<ClientSelection> selections) {
        Map<String, List<ClientField>> fields = new LinkedHashMap<>();
        collect(state, type, selections, fields);
        return fields;
    }

    private void collect(ExecutionState state, String type, List<ClientSelection> selections,
                         Map<String, List<ClientField>> into) {
        for (ClientSelection selection : selections) {
            switch (selection) {
                case ClientField field -> {
                    if (included(state, field.conditions())) {
                        into.computeIfAbsent(field.responseKey(), k -> new ArrayList<>()).add(field);
                    }
                }
                case ClientFragment fragment -> {
                    if (included(state, fragment.conditions()) && (fragment.typeCondition() == null
                            || fragment.typeCondition().equals(type)
                            || supergraph.possibleTypes(fragment.typeCondition()).contains(type))) {
                        collect(state, type, fragment.selections(), into);
                    }
                }
            }
        }
    }

    private static boolean included(ExecutionState state, List<Directive> conditions) {
        for (Directive directive : conditions) {
            var argument = directive.getArgument("if");
            if (argument == null) {
                continue;
            }
            boolean value = switch (argument.getValue()) {
                case BooleanValue b -> b.isValue();
                case VariableReference ref -> Boolean.TRUE.equals(state.request.coerced().get(ref.getName()));
                default -> false;
            };
            if (directive.getName().equals("skip") == value) {
                return false;
            }
        }
        return true;
    }
}
