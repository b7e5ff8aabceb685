package com.ventusvault.payments.holds;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Identifies a hold. */
public record HoldId(UUID value) {

    public HoldId {
        Objects.requireNonNull(value, "value");
    }

    public static HoldId random() {
        return new HoldId(UUID.randomUUID());
    }

    /** Parses a client-supplied id; anything that is not a UUID names no hold. */
    public static Optional<HoldId> parse(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(new HoldId(UUID.fromString(text.strip())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
