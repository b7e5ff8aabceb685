package com.ventusvault.accounts.domain;

import java.util.List;
import java.util.Optional;

/** The name other users see: trimmed, 1 to 80 characters (Unicode code points). */
public final class DisplayName {

    public static final int MAX_LENGTH = 80;

    private DisplayName() {
    }

    /** The stored form: trimmed; null becomes empty (and is then refused by {@link #check}). */
    public static String normalise(String raw) {
        return raw == null ? "" : raw.strip();
    }

    /** The broken rule for a normalised name, reported at {@code field}, or empty when it is acceptable. */
    public static Optional<Violation> check(String normalised, List<String> field) {
        int length = normalised.codePointCount(0, normalised.length());
        if (length == 0) {
            return Optional.of(new Violation("DISPLAY_NAME_REQUIRED", "Enter the name other people will see", field));
        }
        if (length > MAX_LENGTH) {
            return Optional.of(new Violation("DISPLAY_NAME_TOO_LONG",
                    "The display name must be at most " + MAX_LENGTH + " characters", field));
        }
        return Optional.empty();
    }
}
