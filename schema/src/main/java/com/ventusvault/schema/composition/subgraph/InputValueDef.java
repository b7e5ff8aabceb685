package com.ventusvault.schema.composition.subgraph;

/**
 * An argument of a field or a field of an input type.
 *
 * @param defaultValue the default printed as GraphQL literal, or {@code null} when there is none
 */
public record InputValueDef(String name, String description, TypeRef type, String defaultValue, Annotations annotations) {

    /** Non-null without a default: a caller must always send it. */
    public boolean required() {
        return type instanceof TypeRef.NonNull && defaultValue == null;
    }
}
