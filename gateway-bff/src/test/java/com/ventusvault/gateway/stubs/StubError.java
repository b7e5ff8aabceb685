package com.ventusvault.gateway.stubs;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.language.SourceLocation;

import java.util.List;
import java.util.Map;

/** An error a stub resolver throws to answer with our error model's {@code extensions.code}. */
final class StubError extends RuntimeException implements GraphQLError {

    private final String code;

    StubError(String message, String code) {
        super(message, null, false, false);
        this.code = code;
    }

    @Override
    public List<SourceLocation> getLocations() {
        return null;
    }

    @Override
    public ErrorClassification getErrorType() {
        return null;
    }

    @Override
    public Map<String, Object> getExtensions() {
        return Map.of("code", code);
    }
}
