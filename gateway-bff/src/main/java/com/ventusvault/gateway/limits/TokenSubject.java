package com.ventusvault.gateway.limits;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The {@code sub} claim of a bearer JWT, read WITHOUT verifying the token, for one purpose only: naming the caller's
 * rate-limit bucket. Nothing else may use it. A forged {@code sub} can at worst spend someone's bucket at the forger's
 * own per-IP rate (the IP bucket is charged first), and the forged token is refused when it is verified.
 */
final class TokenSubject {

    /** Longest Authorization header looked at; longer ones count as anonymous (their IP still pays). */
    private static final int MAX_HEADER = 8192;
    private static final int MAX_SUBJECT = 128;

    private final ObjectMapper json;

    TokenSubject(ObjectMapper json) {
        this.json = json;
    }

    /** The bucket key for an {@code Authorization} header: {@code "sub:<sub>"}, or null when it names no subject. */
    String bucketKey(String authorization) {
        if (authorization == null || authorization.length() > MAX_HEADER
                || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String[] parts = authorization.substring(7).strip().split("\\.", -1);
        if (parts.length != 3) {
            return null;
        }
        try {
            JsonNode payload = json.readTree(new String(Base64.getUrlDecoder().decode(parts[1]),
                    StandardCharsets.UTF_8));
            JsonNode sub = payload == null ? null : payload.get("sub");
            if (sub == null || !sub.isString() || sub.asString().isEmpty() || sub.asString().length() > MAX_SUBJECT) {
                return null;
            }
            return "sub:" + sub.asString();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
