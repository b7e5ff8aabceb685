package com.ventusvault.accounts.domain;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How accounts reads phone numbers: E.164 ({@code +} country code and subscriber number, 7 to 15 digits), after
 * dropping the spaces, dots, dashes and brackets people type, so {@code +44 20 7946 0958} is {@code +442079460958}.
 */
public final class PhoneNumber {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s().-]");

    private PhoneNumber() {
    }

    /** The stored form of a number (separators removed), or null for a blank one. */
    public static String normalise(String raw) {
        return raw == null || raw.isBlank() ? null : SEPARATORS.matcher(raw).replaceAll("");
    }

    /** The INVALID_PHONE violation at {@code field} when a normalised number is not E.164. */
    public static Optional<Violation> check(String normalised, List<String> field) {
        return normalised == null || E164.matcher(normalised).matches()
                ? Optional.empty()
                : Optional.of(new Violation("INVALID_PHONE",
                        "Enter the phone number in international form, like +2348012345678", field));
    }
}
