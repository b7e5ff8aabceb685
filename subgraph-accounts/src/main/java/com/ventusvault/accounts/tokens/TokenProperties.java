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
 *                       other keys are still published (key rotation). An unreadable file fails startup. Unset:
 *                       startup fails, unless {@code allowGeneratedKey} is true
 * @param allowGeneratedKey when no {@code signingKeyPath} is set, sign with a key generated at startup instead of
 *                       failing (default false). Tokens then stop verifying when accounts restarts and no other
 *                       instance can verify them: for tests and the one-process demo stack only, never production
 */
@ConfigurationProperties("ventus.accounts.tokens")
public record TokenProperties(@DefaultValue("15m") Duration ttl, Path signingKeyPath,
                              @DefaultValue("false") boolean allowGeneratedKey) {

    public TokenProperties {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ventus.accounts.tokens.ttl must be positive, got " + ttl);
        }
    }
}
