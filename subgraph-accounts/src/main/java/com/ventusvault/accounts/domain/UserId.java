package com.ventusvault.accounts.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** The identity of a user: a random UUID, the {@code sub} of their access tokens and the key of the User entity. */
public record UserId(UUID value) {

    public UserId {
        Objects.requireNonNull(value, "value");
    }

    public static UserId random() {
        return new UserId(UUID.randomUUID());
    }

    /** The id written in {@code text}, or empty when it is not a UUID (an id no user can have). */
    public static Optional<UserId> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new UserId(UUID.fromString(text)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
