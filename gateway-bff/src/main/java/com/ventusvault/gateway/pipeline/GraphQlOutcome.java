package com.ventusvault.gateway.pipeline;

import tools.jackson.databind.node.ObjectNode;

/**
 * What became of a request, for the transport to choose a status code.
 *
 * @param kind EXECUTED (the operation ran, possibly with errors), REQUEST_ERROR (malformed request: no query),
 *             DOCUMENT_ERROR (parse, validation, operation or variable errors), NOT_ALLOWED (e.g. a mutation over GET),
 *             UNAUTHENTICATED (an access token was sent and refused), UNAVAILABLE (the keys to verify tokens could not
 *             be had)
 * @param body the response body
 */
public record GraphQlOutcome(Kind kind, ObjectNode body) {

    public enum Kind { EXECUTED, REQUEST_ERROR, DOCUMENT_ERROR, NOT_ALLOWED, UNAUTHENTICATED, UNAVAILABLE }
}
