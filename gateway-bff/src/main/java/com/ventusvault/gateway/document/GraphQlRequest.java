package com.ventusvault.gateway.document;

import tools.jackson.databind.node.ObjectNode;

/**
 * A GraphQL request as a transport received it.
 *
 * @param query         the document text
 * @param operationName the operation to run, or null
 * @param variables     variable values, or null
 * @param extensions    request extensions, or null
 */
public record GraphQlRequest(String query, String operationName, ObjectNode variables, ObjectNode extensions) {
}
