package com.ventusvault.accounts.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.ventusvault.accounts.domain.Role;
import com.ventusvault.accounts.domain.User;
import com.ventusvault.platform.security.AuthProperties;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.UUID;

/**
 * Mints access tokens: RS256 JWTs with the signing key's {@code kid} in the header and the claims every subgraph's
 * {@code AccessTokenVerifier} checks ({@code iss} and {@code aud} from {@code ventus.auth.*}, {@code sub} = user id,
 * {@code email}, {@code roles}, {@code iat}, {@code exp}) plus a random {@code jti} so a token can be told apart
 * (and, later, revoked), and the {@code scope} the roles grant (see {@link RoleScopes}; left out when none), which the
 * gateway checks against {@code @requiresScopes}.
 */
public class AccessTokenIssuer {

    private final SigningKeys keys;
    private final RSASSASigner signer;
    private final AuthProperties auth;
    private final Duration ttl;

    public AccessTokenIssuer(SigningKeys keys, AuthProperties auth, TokenProperties tokens) {
        this.keys = keys;
        this.auth = auth;
        this.ttl = tokens.ttl();
        try {
            this.signer = new RSASSASigner(keys.signingKey());
        } catch (JOSEException e) {
            throw new IllegalStateException("The token signing key cannot sign: " + e.getMessage(), e);
        }
    }

    /** A token for the user, valid from {@code issuedAt} (truncated to seconds, as JWT times are) for the TTL. */
    public IssuedToken issue(User user, Instant issuedAt) {
        Instant iat = issuedAt.truncatedTo(ChronoUnit.SECONDS);
        Instant exp = iat.plus(ttl);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(auth.issuer())
                .audience(auth.audience())
                .subject(user.id().value().toString())
                .claim("email", user.email())
                .claim("roles", user.roles().stream().map(Role::name).toList())
                .claim("scope", RoleScopes.claimFor(user.roles()))
                .issueTime(Date.from(iat))
                .expirationTime(Date.from(exp))
                .jwtID(UUID.randomUUID().toString())
                .build();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(keys.signingKey().getKeyID())
                .type(JOSEObjectType.JWT)
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Signing an access token failed", e);
        }
        return new IssuedToken(jwt.serialize(), exp);
    }
}
