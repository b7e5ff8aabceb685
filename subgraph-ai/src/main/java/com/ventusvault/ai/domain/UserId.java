package com.ventusvault.ai.domain;

import java.util.Objects;
import java.util.UUID;

/** A user's id, as accounts issues it (the {@code sub} of the access token). */
public record UserId(UUID value) {

    public UserId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
