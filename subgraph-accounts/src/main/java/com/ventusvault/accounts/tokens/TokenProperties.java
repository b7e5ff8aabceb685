package com.ventusvault.accounts.tokens;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How accounts mints access tokens ({@code ventus.accounts.tokens.*}). Issuer and audience are not here: they come
 * from {@code ventus.auth.*}, the same properties every verifier reads, so signing and verifying cannot disagree.
 *
 * @param ttl            how long an access token is valid (default 15 minutes); must be positive
 * @param signingKeyPath an RSA private key (at least 2048 bits) to sign with: PEM (PKCS#8 {@code BEGIN PRIVATE KEY}
 *                       or PKCS#1 {@code BEGIN RSA PRIVATE KEY}), a JWK, or a JWK set whose first key signs and whose
 *                       other keys are still published (key rotation). Unset: a key is generated at startup, and
 *                       tokens stop verifying when accounts restarts. An unreadable file fails startup.
 */
@ConfigurationProperties("ventus.accounts.tokens")
public record TokenProperties(@DefaultValue("15m") Duration ttl, Path signingKeyPath) {

    public TokenProperties {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ventus.accounts.tokens.ttl must be positive, got " + ttl);
        }
    }
}
