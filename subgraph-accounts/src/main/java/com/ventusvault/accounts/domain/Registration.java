package com.ventusvault.accounts.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A request to open an account that passed every rule: normalised email, a password of acceptable length, a
 * display name, an optional phone number in E.164 form. Build one with {@link #validate}, which reports every
 * broken rule at once so a form can show them together.
 */
public record Registration(String email, String password, String displayName, String phone) {

    public static final int MIN_PASSWORD_LENGTH = PasswordRules.MIN_LENGTH;
    public static final int MAX_PASSWORD_LENGTH = PasswordRules.MAX_LENGTH;
    public static final int MAX_DISPLAY_NAME_LENGTH = DisplayName.MAX_LENGTH;

    /** The outcome of {@link #validate}: a registration that may be stored, or the rules it broke. */
    public sealed interface Checked permits Valid, Invalid {
    }

    /** Every rule holds. */
    public record Valid(Registration registration) implements Checked {
    }

    /** At least one rule is broken; one violation per broken rule, in input order. */
    public record Invalid(List<Violation> violations) implements Checked {
        public Invalid {
            violations = List.copyOf(violations);
        }
    }

    /** Checks raw input. Lengths count Unicode code points, so an emoji is one character, as a person counts it. */
    public static Checked validate(String rawEmail, String password, String rawDisplayName, String rawPhone) {
        List<Violation> violations = new ArrayList<>();
        String email = EmailAddress.normalise(rawEmail);
        if (!EmailAddress.isValid(email)) {
            violations.add(new Violation("INVALID_EMAIL", "Enter a valid email address, like name@example.com",
                    List.of("input", "email")));
        }
        PasswordRules.check(password, List.of("input", "password")).ifPresent(violations::add);
        String displayName = DisplayName.normalise(rawDisplayName);
        DisplayName.check(displayName, List.of("input", "displayName")).ifPresent(violations::add);
        String phone = PhoneNumber.normalise(rawPhone);
        PhoneNumber.check(phone, List.of("input", "phone")).ifPresent(violations::add);
        return violations.isEmpty()
                ? new Valid(new Registration(email, password, displayName, phone))
                : new Invalid(violations);
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "Registration[email=" + email + ", displayName=" + displayName + ", phone=" + phone + "]";
    }
}
