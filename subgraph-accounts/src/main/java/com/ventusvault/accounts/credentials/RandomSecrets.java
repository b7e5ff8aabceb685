package com.ventusvault.accounts.credentials;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Where every secret accounts hands out comes from: one {@link SecureRandom}. Tokens are URL-safe base64 (no padding)
 * of 32 random bytes (256 bits); codes a person types are drawn from an alphabet without look-alike characters.
 */
public final class RandomSecrets {

    /** Crockford's base32 alphabet: no I, L, O or U, so a code read aloud or copied by hand survives. */
    private static final char[] TYPEABLE = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private final SecureRandom random;

    public RandomSecrets(SecureRandom random) {
        this.random = random;
    }

    /** 32 random bytes as URL-safe base64 without padding (43 characters). */
    public String token() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32));
    }

    /** {@code length} random bytes. */
    public byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** A code of {@code digits} decimal digits, uniformly distributed (leading zeros kept). */
    public String digits(int digits) {
        StringBuilder code = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            code.append((char) ('0' + random.nextInt(10)));
        }
        return code.toString();
    }

    /**
     * A code of {@code groups} groups of 4 characters from the 32-character typeable alphabet, joined by '-'
     * (5 bits per character: 4 groups are 80 bits).
     */
    public String typeableCode(int groups) {
        StringBuilder code = new StringBuilder(groups * 5);
        for (int g = 0; g < groups; g++) {
            if (g > 0) {
                code.append('-');
            }
            for (int i = 0; i < 4; i++) {
                code.append(TYPEABLE[random.nextInt(TYPEABLE.length)]);
            }
        }
        return code.toString();
    }
}
