package com.ventusvault.accounts.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The key accounts signs access tokens with, and the public keys it publishes: the signing key's public half plus
 * any older keys kept so that tokens signed before a rotation still verify until they expire.
 */
public final class SigningKeys {

    static final int MIN_KEY_BITS = 2048;

    private final RSAKey signingKey;
    private final JWKSet publicKeys;

    SigningKeys(RSAKey signingKey, List<RSAKey> retiredKeys) {
        this.signingKey = Objects.requireNonNull(signingKey, "signingKey");
        if (!signingKey.isPrivate()) {
            throw new IllegalArgumentException("the signing key " + signingKey.getKeyID() + " has no private part");
        }
        List<JWK> published = new ArrayList<>();
        published.add(signingKey.toPublicJWK());
        retiredKeys.forEach(key -> published.add(key.toPublicJWK()));
        this.publicKeys = new JWKSet(published);
    }

    /** A fresh RSA 2048 key whose kid is its RFC 7638 thumbprint. */
    public static SigningKeys generate() {
        try {
            RSAKey key = new RSAKeyGenerator(MIN_KEY_BITS).keyUse(KeyUse.SIGNATURE).keyIDFromThumbprint(true).generate();
            return new SigningKeys(key, List.of());
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not generate an RSA signing key", e);
        }
    }

    /** The private key access tokens are signed with; its {@code kid} goes in every token header. */
    public RSAKey signingKey() {
        return signingKey;
    }

    /** The public keys, as served at {@code /.well-known/jwks.json}. */
    public JWKSet publicKeys() {
        return publicKeys;
    }
}
