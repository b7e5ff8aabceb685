package com.ventusvault.gateway.document;

import com.ventusvault.gateway.errors.ErrorCode;
import graphql.language.Document;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/** The document stage's result: a request ready to plan, or why it was rejected. */
public sealed interface PreparedRequest {

    /**
     * A valid request.
     *
     * @param document      the parsed document
     * @param documentHash  SHA-256 of the document text, for plan caching
     * @param operationName the operation name the client gave, or null
     * @param operationKind query, mutation or subscription
     * @param coerced       coerced variable values with defaults applied
     * @param introspects   whether the operation selects {@code __schema} or {@code __type} at its root
     */
    record Accepted(Document document, String documentHash, String operationName, String operationKind,
                    Map<String, Object> coerced, boolean introspects) implements PreparedRequest {
    }

    /**
     * A rejected request.
     *
     * @param code       BAD_REQUEST, GRAPHQL_PARSE_FAILED or GRAPHQL_VALIDATION_FAILED
     * @param wellFormed false when the request itself is malformed (no query), true for a GraphQL request error
     *                   (parse, validation, operation selection, variable coercion)
     * @param errors     the GraphQL errors to return
     */
    record Rejected(ErrorCode code, boolean wellFormed, List<ObjectNode> errors) implements PreparedRequest {
        public Rejected {
            errors = List.copyOf(errors);
        }
    }
}
