package com.ventusvault.payments.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Identifies a ledger account; a user's wallet is a ledger account, so a wallet id is an account id. */
public record AccountId(UUID value) implements Comparable<AccountId> {

    public AccountId {
        Objects.requireNonNull(value, "value");
    }

    /** Parses a client-supplied id; anything that is not a UUID simply names no account. */
    public static Optional<AccountId> parse(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(new AccountId(UUID.fromString(text.strip())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public int compareTo(AccountId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
