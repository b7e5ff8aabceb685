package com.ventusvault.schema.composition;

/**
 * One reason composition failed. {@code code} is stable (the codes follow Apollo's composition error codes where one
 * exists, e.g. {@code INVALID_FIELD_SHARING}); {@code message} names the subgraph, type and field at fault.
 */
public record CompositionError(String code, String message) {

    public static CompositionError of(CompositionErrorCode code, String message) {
        return new CompositionError(code.name(), message);
    }

    @Override
    public String toString() {
        return "[" + code + "] " + message;
    }
}
