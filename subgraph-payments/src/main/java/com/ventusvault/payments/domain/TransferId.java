package com.ventusvault.payments.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Identifies a transfer (one balanced set of journal entries). */
public record TransferId(UUID value) {

    public TransferId {
        Objects.requireNonNull(value, "value");
    }

    public static TransferId random() {
        return new TransferId(UUID.randomUUID());
    }

    /** Parses a client-supplied id; anything that is not a UUID simply names no transfer. */
    public static Optional<TransferId> parse(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(new TransferId(UUID.fromString(text.strip())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
