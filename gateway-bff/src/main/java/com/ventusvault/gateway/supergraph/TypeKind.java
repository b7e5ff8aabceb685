package com.ventusvault.gateway.supergraph;

/** The kinds of named types a supergraph declares. */
public enum TypeKind {
    OBJECT, INTERFACE, UNION, ENUM, SCALAR, INPUT_OBJECT;

    /** Whether values of this kind have a selection set. */
    public boolean isComposite() {
        return this == OBJECT || this == INTERFACE || this == UNION;
    }

    /** Whether the runtime type of a value of this kind is only known from {@code __typename}. */
    public boolean isAbstract() {
        return this == INTERFACE || this == UNION;
    }
}
