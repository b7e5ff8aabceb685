package com.ventusvault.gateway.security;

import com.ventusvault.gateway.errors.ErrorCode;
import com.ventusvault.gateway.errors.GraphQlErrors;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The fields an operation lost to access rules for one kind of caller, and what the response says about them: each
 * is null at its path (non-null fields make their parent null, as GraphQL's null propagation does) and has an error
 * with the path of the field in the operation ({@code @} for list items, as Apollo's router writes it) and code
 * UNAUTHENTICATED (no token) or FORBIDDEN (a token without the scopes).
 */
public final class DeniedFields {

    private final List<GuardedField> fields;
    private final List<ObjectNode> errors;

    DeniedFields(List<GuardedField> denied, boolean signedIn) {
        List<GuardedField> outermost = new ArrayList<>();
        Set<List<String>> paths = new LinkedHashSet<>();
        for (GuardedField field : denied) {
            List<String> keys = keys(field);
            boolean inside = denied.stream().anyMatch(other -> other != field && keys(other).size() < keys.size()
                    && keys.subList(0, keys(other).size()).equals(keys(other)));
            if (!inside && paths.add(keys)) {
                outermost.add(field);
            }
        }
        this.fields = List.copyOf(outermost);
        this.errors = outermost.stream().map(field -> error(field, signedIn)).toList();
    }

    /** Puts the nulls and errors into a response body (which has {@code data} unless execution failed as a whole). */
    public ObjectNode apply(ObjectNode body) {
        for (GuardedField field : fields) {
            if (body.get("data") instanceof ObjectNode data && nullify(data, field.path(), 0)) {
                body.putNull("data");
            }
        }
        for (GuardedField field : fields) {
            if (body.get("data") instanceof ObjectNode data && field.path().size() > 1) {
                strip(data, field.path(), 0);
            }
        }
        JsonNode existing = body.get("errors");
        ArrayNode merged = JsonNodeFactory.instance.arrayNode();
        errors.forEach(error -> merged.add(error.deepCopy()));
        if (existing instanceof ArrayNode earlier) {
            earlier.forEach(merged::add);
        }
        body.set("errors", merged);
        return body;
    }

    /** The response when no field of the operation is left to execute. */
    public ObjectNode respondWithoutExecuting() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putObject("data");
        return apply(body);
    }

    /** Makes the field null under {@code object}; true when {@code object} itself must become null. */
    private static boolean nullify(ObjectNode object, List<GuardedField.Segment> path, int index) {
        GuardedField.Segment segment = path.get(index);
        if (index == path.size() - 1) {
            JsonNode typename = object.get(DocumentFilter.PLACEHOLDER);
            if (segment.objectType() != null && typename != null && !typename.asString().equals(segment.objectType())) {
                return false; // selected in a fragment on another type
            }
            object.putNull(segment.key());
            return GraphQLTypeUtil.isNonNull(segment.type());
        }
        JsonNode child = object.get(segment.key());
        if (child == null || child.isNull() || !value(child, segment.type(), path, index + 1)) {
            return false;
        }
        if (GraphQLTypeUtil.isNonNull(segment.type())) {
            return true;
        }
        object.putNull(segment.key());
        return false;
    }

    private static boolean value(JsonNode node, GraphQLType type, List<GuardedField.Segment> path, int next) {
        GraphQLType nullable = GraphQLTypeUtil.unwrapNonNull(type);
        if (nullable instanceof GraphQLList list && node instanceof ArrayNode items) {
            GraphQLType item = list.getWrappedType();
            for (int i = 0; i < items.size(); i++) {
                if (!items.get(i).isNull() && value(items.get(i), item, path, next)) {
                    if (item instanceof GraphQLNonNull) {
                        return true;
                    }
                    items.set(i, items.nullNode());
                }
            }
            return false;
        }
        return node instanceof ObjectNode object && nullify(object, path, next);
    }

    /** Takes the placeholder out of the objects the field was removed from. */
    private static void strip(JsonNode node, List<GuardedField.Segment> path, int index) {
        if (node instanceof ArrayNode items) {
            items.forEach(item -> strip(item, path, index));
        } else if (node instanceof ObjectNode object) {
            if (index == path.size() - 1) {
                object.remove(DocumentFilter.PLACEHOLDER);
            } else {
                JsonNode child = object.get(path.get(index).key());
                if (child != null) {
                    strip(child, path, index + 1);
                }
            }
        }
    }

    private static ObjectNode error(GuardedField field, boolean signedIn) {
        String message = signedIn
                ? "Unauthorized field or type: " + field.coordinate() + " needs the scope " + scopes(field)
                + ", which the access token does not grant"
                : "Unauthorized field or type: " + field.coordinate() + " needs a signed-in user; send a valid "
                + "access token (Authorization: Bearer <accessToken>)";
        List<Object> path = new ArrayList<>();
        List<GuardedField.Segment> segments = field.path();
        for (int i = 0; i < segments.size(); i++) {
            path.add(segments.get(i).key());
            if (i < segments.size() - 1) {
                GraphQLType type = segments.get(i).type();
                while (!(GraphQLTypeUtil.unwrapNonNull(type) instanceof graphql.schema.GraphQLNamedType)) {
                    path.add("@");
                    type = ((GraphQLList) GraphQLTypeUtil.unwrapNonNull(type)).getWrappedType();
                }
            }
        }
        return GraphQlErrors.error(message, signedIn ? ErrorCode.FORBIDDEN : ErrorCode.UNAUTHENTICATED, path);
    }

    private static String scopes(GuardedField field) {
        return field.requirement().scopes().stream()
                .map(anyOf -> anyOf.stream().map(all -> String.join(" and ", all))
                        .reduce((a, b) -> a + " or " + b).orElse(""))
                .reduce((a, b) -> "(" + a + ") and (" + b + ")").orElse("");
    }

    private static List<String> keys(GuardedField field) {
        return field.path().stream().map(GuardedField.Segment::key).toList();
    }

    /** Whether nothing is denied. */
    boolean isEmpty() {
        return fields.isEmpty();
    }
}
