package com.ventusvault.accounts.twofactor;

import java.nio.ByteBuffer;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP): the code for time step
 * {@code floor(unixSeconds / period)} is the dynamically truncated HMAC of the step, modulo 10^digits.
 * VentusVault uses {@link #STANDARD} (HMAC-SHA1, 6 digits, 30 seconds: what every authenticator app defaults to);
 * the other algorithms are here because the RFC's test vectors cover them.
 *
 * @param algorithm JCA MAC name: HmacSHA1, HmacSHA256 or HmacSHA512
 */
public record Totp(String algorithm, int digits, long periodSeconds) {

    /** The parameters of every VentusVault secret, also written into the otpauth URI. */
    public static final Totp STANDARD = new Totp("HmacSHA1", 6, 30);

    /** Codes of the previous and next step are accepted too, for clock drift between phone and server. */
    public static final int DRIFT_STEPS = 1;

    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    public Totp {
        if (digits < 6 || digits > 8 || periodSeconds < 1) {
            throw new IllegalArgumentException("digits 6-8 and a positive period");
        }
    }

    /** The time step an instant falls in. */
    public long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), periodSeconds);
    }

    /** The code for a time step, zero-padded to {@code digits}. */
    public String code(byte[] secret, long step) {
        byte[] hash = hmac(secret, ByteBuffer.allocate(8).putLong(step).array());
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        String code = Integer.toString(binary % POWERS[digits]);
        return "0".repeat(digits - code.length()) + code;
    }

    /**
     * The step, within {@link #DRIFT_STEPS} of {@code at}, whose code is {@code candidate}, or empty. Every step in
     * the window is compared (in constant time), so the time taken does not tell which one matched.
     */
    public OptionalLong matchingStep(byte[] secret, String candidate, Instant at) {
        if (candidate == null || candidate.length() != digits || !candidate.chars().allMatch(Character::isDigit)) {
            return OptionalLong.empty();
        }
        byte[] given = candidate.getBytes(StandardCharsets.US_ASCII);
        long now = step(at);
        OptionalLong found = OptionalLong.empty();
        for (long step = now - DRIFT_STEPS; step <= now + DRIFT_STEPS; step++) {
            boolean same = MessageDigest.isEqual(code(secret, step).getBytes(StandardCharsets.US_ASCII), given);
            if (same && found.isEmpty()) {
                found = OptionalLong.of(step);
            }
        }
        return found;
    }

    private byte[] hmac(byte[] secret, byte[] message) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret, "RAW"));
            return mac.doFinal(message);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("TOTP needs " + algorithm, e);
        }
    }
}
