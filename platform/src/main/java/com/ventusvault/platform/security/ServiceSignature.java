package com.ventusvault.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks calls between our own services that act on more than the caller's word: markets tells payments
 * at which rate to convert, which no user may dictate. The signature is HMAC-SHA256 over {@code <epoch seconds>.<body>}
 * with a secret both services share ({@code ventus.internal.secret}), sent as
 * {@code X-Ventus-Signature: t=<epoch seconds>,v1=<hex>}. A signature older or newer than the tolerance is refused,
 * so a captured request cannot be replayed later; within it, the receiver's own idempotency keeps a replay harmless.
 */
public final class ServiceSignature {

    /** The request header carrying the signature. */
    public static final String HEADER = "X-Ventus-Signature";

    private static final int MINIMUM_SECRET_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final Clock clock;
    private final Duration tolerance;

    /**
     * @param secret    the shared secret, at least 32 bytes of UTF-8
     * @param clock     the time signatures are stamped with and checked against
     * @param tolerance how far a signature's time may be from now
     */
    public ServiceSignature(String secret, Clock clock, Duration tolerance) {
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < MINIMUM_SECRET_BYTES) {
            throw new IllegalArgumentException("ventus.internal.secret must be at least " + MINIMUM_SECRET_BYTES
                    + " bytes; set it (VENTUS_INTERNAL_SECRET) to the same random value in every service");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.clock = clock;
        this.tolerance = tolerance;
    }

    /** The header value for {@code body}, stamped now. */
    public String sign(byte[] body) {
        long seconds = clock.instant().getEpochSecond();
        return "t=" + seconds + ",v1=" + HexFormat.of().formatHex(mac(seconds, body));
    }

    /** Whether {@code header} is a signature of {@code body} by the shared secret, made within the tolerance of now. */
    public boolean verify(String header, byte[] body) {
        if (header == null) {
            return false;
        }
        Long seconds = null;
        byte[] signature = null;
        for (String part : header.split(",")) {
            String[] pair = part.strip().split("=", 2);
            if (pair.length != 2) {
                return false;
            }
            try {
                switch (pair[0]) {
                    case "t" -> seconds = Long.parseLong(pair[1]);
                    case "v1" -> signature = HexFormat.of().parseHex(pair[1]);
                    default -> { }
                }
            } catch (IllegalArgumentException malformed) {
                return false;
            }
        }
        if (seconds == null || signature == null) {
            return false;
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - seconds);
        return skew <= tolerance.toSeconds() && MessageDigest.isEqual(signature, mac(seconds, body));
    }

    private byte[] mac(long seconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update((seconds + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
