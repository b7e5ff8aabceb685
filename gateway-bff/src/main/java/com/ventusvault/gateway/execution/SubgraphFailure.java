package com.ventusvault.gateway.execution;

import com.ventusvault.gateway.errors.ErrorCode;

/** A subgraph request that produced no GraphQL response: unreachable, timed out, or not GraphQL. */
public class SubgraphFailure extends RuntimeException {

    private final ErrorCode code;

    public SubgraphFailure(String message, ErrorCode code, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
