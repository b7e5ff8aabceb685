package com.ventusvault.gateway.errors;

/** The value of {@code extensions.code} on every error the gateway returns (see notes/common.md). */
public enum ErrorCode {
    BAD_REQUEST,
    GRAPHQL_PARSE_FAILED,
    GRAPHQL_VALIDATION_FAILED,
    UNAUTHENTICATED,
    FORBIDDEN,
    NOT_FOUND,
    LIMIT_EXCEEDED,
    SUBGRAPH_UNAVAILABLE,
    SUBGRAPH_TIMEOUT,
    INTERNAL,
    // Refusals of the limits stage (com.ventusvault.gateway.limits), before any planning:
    /** Over the per-IP or per-user request rate: HTTP 429 with Retry-After. */
    RATE_LIMITED,
    /** A simple (non-preflighted) request without a CSRF-prevention header: HTTP 400. */
    CSRF_ERROR,
    /** The request body is larger than gateway.limits.max-request-size: HTTP 413. */
    REQUEST_TOO_LARGE,
    /** The document nests fields deeper than gateway.limits.query.max-depth. */
    MAX_DEPTH_EXCEEDED,
    /** The document uses more aliases than gateway.limits.query.max-aliases. */
    MAX_ALIASES_EXCEEDED,
    /** The document uses more directives than gateway.limits.query.max-directives. */
    MAX_DIRECTIVES_EXCEEDED,
    /** The document has more tokens than gateway.limits.query.max-tokens. */
    MAX_TOKENS_EXCEEDED,
    /** The document's estimated cost is over gateway.limits.query.max-cost. */
    MAX_COST_EXCEEDED,
    /** The document selects __schema or __type while introspection is off. */
    INTROSPECTION_DISABLED
}
