package com.ventusvault.accounts.domain;

/**
 * What an update does to one optional field: leave it as it is (the input left it out), clear it (the input set it to
 * null) or set it to a value. Three cases a nullable Java value cannot tell apart.
 */
public sealed interface Change<T> {

    /** The field stays as it is. */
    record Keep<T>() implements Change<T> {
    }

    /** The field is removed. */
    record Clear<T>() implements Change<T> {
    }

    /** The field becomes {@code value}. */
    record Set<T>(T value) implements Change<T> {
    }

    static <T> Change<T> keep() {
        return new Keep<>();
    }

    static <T> Change<T> clear() {
        return new Clear<>();
    }

    static <T> Change<T> set(T value) {
        return new Set<>(value);
    }

    /** Whether the update touches the field at all. */
    default boolean changes() {
        return !(this instanceof Keep);
    }

    /** The field's value after the update, given its value before. */
    default T applyTo(T current) {
        return switch (this) {
            case Keep<T> keep -> current;
            case Clear<T> clear -> null;
            case Set<T> set -> set.value();
        };
    }
}
