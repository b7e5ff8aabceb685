package com.ventusvault.accounts.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A postal address as the user gave it: free-text lines (trimmed; blank optional parts become null) and an ISO 3166-1
 * alpha-2 country code in upper case. Build one from raw input with {@link #validate}, which reports every broken rule.
 */
public record Address(String line1, String line2, String city, String region, String postalCode, String country) {

    public static final int MAX_LINE_LENGTH = 200;
    public static final int MAX_POSTAL_CODE_LENGTH = 20;

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    public Address {
        Objects.requireNonNull(line1, "line1");
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(country, "country");
    }

    /** The outcome of {@link #validate}. */
    public sealed interface Checked permits Valid, Invalid {
    }

    /** Every rule holds. */
    public record Valid(Address address) implements Checked {
    }

    /** At least one rule is broken. */
    public record Invalid(List<Violation> violations) implements Checked {
        public Invalid {
            violations = List.copyOf(violations);
        }
    }

    /**
     * Checks raw input; {@code path} is where the address sits in the input (e.g. {@code ["input", "address"]}), so
     * violations name the exact field.
     */
    public static Checked validate(String line1, String line2, String city, String region, String postalCode,
                                   String country, List<String> path) {
        List<Violation> violations = new ArrayList<>();
        String cleanLine1 = required(line1, "line1", "ADDRESS_LINE1_REQUIRED", "Enter the first address line", path, violations);
        String cleanLine2 = optional(line2, "line2", MAX_LINE_LENGTH, path, violations);
        String cleanCity = required(city, "city", "ADDRESS_CITY_REQUIRED", "Enter the city", path, violations);
        String cleanRegion = optional(region, "region", MAX_LINE_LENGTH, path, violations);
        String cleanPostalCode = optional(postalCode, "postalCode", MAX_POSTAL_CODE_LENGTH, path, violations);
        String code = country == null ? "" : country.strip().toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(code)) {
            violations.add(new Violation("INVALID_COUNTRY",
                    "Enter the country as an ISO 3166-1 alpha-2 code, like NG, GB or US", field(path, "country")));
        }
        return violations.isEmpty()
                ? new Valid(new Address(cleanLine1, cleanLine2, cleanCity, cleanRegion, cleanPostalCode, code))
                : new Invalid(violations);
    }

    private static String required(String raw, String name, String code, String message, List<String> path,
                                   List<Violation> violations) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            violations.add(new Violation(code, message, field(path, name)));
        } else if (tooLong(value, MAX_LINE_LENGTH)) {
            violations.add(tooLong(name, MAX_LINE_LENGTH, path));
        }
        return value;
    }

    private static String optional(String raw, String name, int max, List<String> path, List<Violation> violations) {
        String value = raw == null || raw.isBlank() ? null : raw.strip();
        if (value != null && tooLong(value, max)) {
            violations.add(tooLong(name, max, path));
        }
        return value;
    }

    private static boolean tooLong(String value, int max) {
        return value.codePointCount(0, value.length()) > max;
    }

    private static Violation tooLong(String name, int max, List<String> path) {
        return new Violation("ADDRESS_FIELD_TOO_LONG", "The " + name + " must be at most " + max + " characters",
                field(path, name));
    }

    private static List<String> field(List<String> path, String name) {
        List<String> field = new ArrayList<>(path);
        field.add(name);
        return field;
    }
}
