package com.ventusvault.schema.composition.print;

import java.util.Comparator;

/**
 * The order {@code rover supergraph compose} prints definitions in: JavaScript's {@code localeCompare}, i.e. Unicode
 * collation. For GraphQL names that means: letters compare case-insensitively first ({@code join__Graph} before
 * {@code KycStatus}), {@code _} sorts before digits and digits before letters, and only on a tie lower case wins.
 */
final class NameOrder implements Comparator<String> {

    static final NameOrder INSTANCE = new NameOrder();

    @Override
    public int compare(String a, String b) {
        int length = Math.min(a.length(), b.length());
        for (int i = 0; i < length; i++) {
            int diff = Integer.compare(primary(a.charAt(i)), primary(b.charAt(i)));
            if (diff != 0) {
                return diff;
            }
        }
        if (a.length() != b.length()) {
            return Integer.compare(a.length(), b.length());
        }
        for (int i = 0; i < length; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                return Character.isLowerCase(x) ? -1 : Character.isLowerCase(y) ? 1 : Character.compare(x, y);
            }
        }
        return 0;
    }

    private static int primary(char c) {
        if (c == '_') {
            return 0;
        }
        if (Character.isDigit(c)) {
            return 10 + (c - '0');
        }
        if (Character.isLetter(c)) {
            return 100 + Character.toLowerCase(c);
        }
        return 1 + c % 9;
    }
}
