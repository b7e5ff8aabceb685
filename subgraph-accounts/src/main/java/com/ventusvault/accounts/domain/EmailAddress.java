package com.ventusvault.accounts.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How accounts reads email addresses: trimmed and lower-cased before they are stored or looked up, so
 * {@code Ada@Example.com} and {@code ada@example.com } are one account. The syntax check is the practical subset
 * of RFC 5321 that mail providers accept (dot-atom local part, dotted host name), not the full quoted-string grammar.
 */
public final class EmailAddress {

    /** RFC 5321 limits a forward path to 254 characters. */
    public static final int MAX_LENGTH = 254;

    private static final Pattern SYNTAX = Pattern.compile(
            "[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?");

    private EmailAddress() {
    }

    /** The stored form of an address: trimmed, lower-case (Locale.ROOT, so the result never depends on the server). */
    public static String normalise(String raw) {
        return raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
    }

    /** Whether a normalised address is one we accept. */
    public static boolean isValid(String normalised) {
        return normalised.length() <= MAX_LENGTH && normalised.indexOf('@') <= 64 && SYNTAX.matcher(normalised).matches();
    }
}
