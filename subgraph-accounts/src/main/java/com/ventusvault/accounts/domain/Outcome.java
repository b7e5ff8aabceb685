package com.ventusvault.accounts.domain;

import java.util.List;

/**
 * What an account change produced: done, with its result (usually the user as stored now), or refused by business
 * rules, with one violation per broken rule. Expected failures are values, never exceptions.
 */
public sealed interface Outcome<T> {

    record Done<T>(T value) implements Outcome<T> {
    }

    record Refused<T>(List<Violation> violations) implements Outcome<T> {
        public Refused {
            violations = List.copyOf(violations);
        }
    }

    static <T> Outcome<T> done(T value) {
        return new Done<>(value);
    }

    static <T> Outcome<T> refused(Violation violation) {
        return new Refused<>(List.of(violation));
    }

    static <T> Outcome<T> refused(List<Violation> violations) {
        return new Refused<>(violations);
    }
}
