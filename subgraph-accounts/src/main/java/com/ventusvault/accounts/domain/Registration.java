package com.ventusvault.accounts.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A request to open an account that passed every rule: normalised email, a password of acceptable length, a
 * display name, an optional phone number in E.164 form. Build one with {@link #validate}, which reports every
 * broken rule at once so a form can show them together.
 */
public record Registration(String email, String password, String displayName, String phone) {

    public static final int MIN_PASSWORD_LENGTH = 10;
    public static final int MAX_PASSWORD_LENGTH = 128;
    public static final int MAX_DISPLAY_NAME_LENGTH = 80;

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern PHONE_SEPARATORS = Pattern.compile("[\\s().-]");

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
        int passwordLength = password == null ? 0 : password.codePointCount(0, password.length());
        if (passwordLength < MIN_PASSWORD_LENGTH) {
            violations.add(new Violation("PASSWORD_TOO_SHORT",
                    "The password must be at least " + MIN_PASSWORD_LENGTH + " characters", List.of("input", "password")));
        } else if (passwordLength > MAX_PASSWORD_LENGTH) {
            violations.add(new Violation("PASSWORD_TOO_LONG",
                    "The password must be at most " + MAX_PASSWORD_LENGTH + " characters", List.of("input", "password")));
        }
        String displayName = rawDisplayName == null ? "" : rawDisplayName.strip();
        int displayNameLength = displayName.codePointCount(0, displayName.length());
        if (displayNameLength == 0) {
            violations.add(new Violation("DISPLAY_NAME_REQUIRED", "Enter the name other people will see",
                    List.of("input", "displayName")));
        } else if (displayNameLength > MAX_DISPLAY_NAME_LENGTH) {
            violations.add(new Violation("DISPLAY_NAME_TOO_LONG",
                    "The display name must be at most " + MAX_DISPLAY_NAME_LENGTH + " characters",
                    List.of("input", "displayName")));
        }
        String phone = rawPhone == null || rawPhone.isBlank() ? null : PHONE_SEPARATORS.matcher(rawPhone).replaceAll("");
        if (phone != null && !E164.matcher(phone).matches()) {
            violations.add(new Violation("INVALID_PHONE",
                    "Enter the phone number in international form, like +2348012345678", List.of("input", "phone")));
        }
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
