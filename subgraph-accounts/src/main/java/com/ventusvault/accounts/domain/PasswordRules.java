package com.ventusvault.accounts.domain;

import java.util.List;
import java.util.Optional;

/**
 * What makes a password acceptable, wherever one is chosen (registration, change, reset): 10 to 128 characters,
 * counted as Unicode code points so an emoji is one character, as a person counts it.
 */
public final class PasswordRules {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;

    private PasswordRules() {
    }

    /** The broken rule, reported at {@code field}, or empty when the password is acceptable. */
    public static Optional<Violation> check(String password, List<String> field) {
        int length = password == null ? 0 : password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of(new Violation("PASSWORD_TOO_SHORT",
                    "The password must be at least " + MIN_LENGTH + " characters", field));
        }
        if (length > MAX_LENGTH) {
            return Optional.of(new Violation("PASSWORD_TOO_LONG",
                    "The password must be at most " + MAX_LENGTH + " characters", field));
        }
        return Optional.empty();
    }
}
