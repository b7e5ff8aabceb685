package com.ventusvault.schema.composition.subgraph;

import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.Type;
import graphql.language.TypeName;

/**
 * A reference to a type as written on a field or argument: a named type, wrapped in lists and non-null markers.
 * Printing gives back GraphQL syntax ({@code [Wallet!]!}).
 */
public sealed interface TypeRef {

    record Named(String name) implements TypeRef {
        @Override
        public String toString() {
            return name;
        }
    }

    record ListOf(TypeRef of) implements TypeRef {
        @Override
        public String toString() {
            return "[" + of + "]";
        }
    }

    record NonNull(TypeRef of) implements TypeRef {
        @Override
        public String toString() {
            return of + "!";
        }
    }

    /** The innermost named type, e.g. {@code Wallet} for {@code [Wallet!]!}. */
    default String baseName() {
        return switch (this) {
            case Named named -> named.name();
            case ListOf list -> list.of().baseName();
            case NonNull nonNull -> nonNull.of().baseName();
        };
    }

    default boolean isList() {
        return switch (this) {
            case Named ignored -> false;
            case ListOf ignored -> true;
            case NonNull nonNull -> nonNull.of().isList();
        };
    }

    static TypeRef of(Type<?> type) {
        return switch (type) {
            case TypeName name -> new Named(name.getName());
            case ListType list -> new ListOf(of(list.getType()));
            case NonNullType nonNull -> new NonNull(of(nonNull.getType()));
            default -> throw new IllegalArgumentException("Unknown type reference " + type);
        };
    }
}
