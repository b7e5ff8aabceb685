package com.ventusvault.gateway.document;

import com.ventusvault.gateway.errors.ErrorCode;
import com.ventusvault.gateway.errors.GraphQlErrors;
import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.ParseAndValidate;
import graphql.execution.RawVariables;
import graphql.execution.ValuesResolver;
import graphql.language.Document;
import graphql.execution.UnknownOperationException;
import graphql.language.Field;
import graphql.language.NodeUtil;
import graphql.language.OperationDefinition;
import graphql.language.SourceLocation;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses and validates documents against the API schema (graphql-java), selects the operation, and coerces
 * variables. Parsing and validation results are cached per document text (bounded, least recently used out).
 */
public final class DocumentStage {

    private record Checked(Document document, String hash, List<ObjectNode> errors, ErrorCode code) {
    }

    private final GraphQLSchema schema;
    private final ObjectMapper json;
    private final Map<String, Checked> cache;
    private final boolean suggestions;

    /** A stage that keeps suggestions in messages (development mode). */
    public DocumentStage(GraphQLSchema schema, ObjectMapper json, int cacheSize) {
        this(schema, json, cacheSize, true);
    }

    /**
     * @param suggestions whether error messages may keep "Did you mean ...?" suggestions (which reveal schema names
     *                    a production gateway does not advertise)
     */
    public DocumentStage(GraphQLSchema schema, ObjectMapper json, int cacheSize, boolean suggestions) {
        this.schema = schema;
        this.json = json;
        this.suggestions = suggestions;
        this.cache = java.util.Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Checked> eldest) {
                return size() > cacheSize;
            }
        });
    }

    public PreparedRequest prepare(GraphQlRequest request) {
        if (request.query() == null || request.query().isBlank()) {
            return new PreparedRequest.Rejected(ErrorCode.BAD_REQUEST, false, List.of(GraphQlErrors.error(
                    "The request has no query", ErrorCode.BAD_REQUEST)));
        }
        Checked checked = cache.get(request.query());
        if (checked == null) {
            checked = check(request.query());
            cache.put(request.query(), checked);
        }
        if (checked.code() != null) {
            return new PreparedRequest.Rejected(checked.code(), true, checked.errors());
        }
        OperationDefinition operation;
        try {
            operation = NodeUtil.getOperation(checked.document(), request.operationName()).operationDefinition;
        } catch (UnknownOperationException e) {
            return new PreparedRequest.Rejected(ErrorCode.BAD_REQUEST, true,
                    List.of(GraphQlErrors.error(e.getMessage(), ErrorCode.BAD_REQUEST)));
        }
        Map<String, Object> coerced;
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> raw = request.variables() == null ? Map.of()
                    : json.convertValue(request.variables(), Map.class);
            coerced = ValuesResolver.coerceVariableValues(schema, operation.getVariableDefinitions(),
                    RawVariables.of(raw), GraphQLContext.getDefault(), Locale.ROOT).toMap();
        } catch (RuntimeException e) {
            String message = e instanceof GraphQLError error ? message(error.getMessage()) : "Invalid variables";
            return new PreparedRequest.Rejected(ErrorCode.BAD_REQUEST, true,
                    List.of(GraphQlErrors.error(message, ErrorCode.BAD_REQUEST)));
        }
        String kind = operation.getOperation().name().toLowerCase(Locale.ROOT);
        return new PreparedRequest.Accepted(checked.document(), checked.hash(), request.operationName(), kind,
                coerced, introspects(operation));
    }

    private Checked check(String query) {
        Document document;
        try {
            document = Parser.parse(query);
        } catch (InvalidSyntaxException e) {
            ObjectNode error = GraphQlErrors.error(e.getMessage(), ErrorCode.GRAPHQL_PARSE_FAILED);
            withLocations(error, e.getLocation() == null ? List.of() : List.of(e.getLocation()));
            return new Checked(null, null, List.of(error), ErrorCode.GRAPHQL_PARSE_FAILED);
        }
        var validationErrors = ParseAndValidate.validate(schema, document);
        if (!validationErrors.isEmpty()) {
            List<ObjectNode> errors = validationErrors.stream().map(v -> {
                ObjectNode error = GraphQlErrors.error(message(v.getMessage()),
                        ErrorCode.GRAPHQL_VALIDATION_FAILED);
                withLocations(error, v.getLocations());
                return error;
            }).toList();
            return new Checked(null, null, errors, ErrorCode.GRAPHQL_VALIDATION_FAILED);
        }
        return new Checked(document, sha256(query), List.of(), null);
    }

    private String message(String message) {
        return suggestions ? message : withoutSuggestions(message);
    }

    /** {@code message} without "Did you mean ...?" sentences (graphql-java and other tools' field suggestions). */
    public static String withoutSuggestions(String message) {
        return message == null ? null : SUGGESTION.matcher(message).replaceAll("").strip();
    }

    private static final java.util.regex.Pattern SUGGESTION =
            java.util.regex.Pattern.compile("\\s*Did you mean\\b[^?]*\\?", java.util.regex.Pattern.CASE_INSENSITIVE);

    private static void withLocations(ObjectNode error, List<SourceLocation> locations) {
        if (locations == null || locations.isEmpty()) {
            return;
        }
        ArrayNode array = error.putArray("locations");
        locations.forEach(l -> array.addObject().put("line", l.getLine()).put("column", l.getColumn()));
        error.set("extensions", error.remove("extensions"));
    }

    private static boolean introspects(OperationDefinition operation) {
        return operation.getSelectionSet().getSelectionsOfType(Field.class).stream()
                .anyMatch(f -> f.getName().equals("__schema") || f.getName().equals("__type"));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
