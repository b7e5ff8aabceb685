package com.ventusvault.accounts.credentials;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The SHA-256 digest under which a high-entropy secret (refresh token, recovery code, login code) is stored and looked
 * up: the database never holds the secret itself, so a leaked table signs nobody in. Passwords are not digested
 * here; they get Argon2id ({@link PasswordHasher}).
 */
public final class SecretDigest {

    private SecretDigest() {
    }

    /** SHA-256 of the UTF-8 bytes of {@code secret}. */
    public static byte[] of(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Compares two digests in time independent of where they differ. */
    public static boolean same(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }
}
