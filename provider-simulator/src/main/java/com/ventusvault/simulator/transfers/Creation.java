package com.ventusvault.simulator.transfers;

/**
 * The outcome of creating something under a caller's reference: new, or the reference was taken already
 * (the existing item is returned so the API can answer as the real provider does for a duplicate).
 */
public sealed interface Creation<T> {

    T item();

    record Created<T>(T item) implements Creation<T> {
    }

    record Duplicate<T>(T item) implements Creation<T> {
    }
}
