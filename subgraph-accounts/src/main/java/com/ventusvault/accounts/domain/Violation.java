package com.ventusvault.accounts.domain;

import java.util.List;

/**
 * A business rule an input broke, returned to the client as a {@code UserError}: a SCREAMING_CASE code, a message a
 * person can act on, and the path of the offending input field (empty when the failure is not about one field).
 */
public record Violation(String code, String message, List<String> field) {

    public Violation {
        field = List.copyOf(field);
    }

    /** The one answer to a failed login, whichever of email or password was wrong: no user enumeration. */
    public static Violation invalidCredentials() {
        return new Violation("INVALID_CREDENTIALS", "The email or password is incorrect", List.of());
    }

    /** The email belongs to another account already. */
    public static Violation emailTaken() {
        return new Violation("EMAIL_TAKEN", "An account with this email already exists", List.of("input", "email"));
    }
}
