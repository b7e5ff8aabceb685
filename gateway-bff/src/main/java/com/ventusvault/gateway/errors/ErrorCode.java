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
    INTERNAL
}
