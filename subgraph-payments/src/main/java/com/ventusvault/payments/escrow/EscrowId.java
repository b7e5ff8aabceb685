package com.ventusvault.payments.escrow;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Identifies an escrow. */
public record EscrowId(UUID value) {

    public EscrowId {
        Objects.requireNonNull(value, "value");
    }

    public static EscrowId random() {
        return new EscrowId(UUID.randomUUID());
    }

    /** Parses a client-supplied id; anything that is not a UUID simply names no escrow. */
    public static Optional<EscrowId> parse(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(new EscrowId(UUID.fromString(text.strip())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
