package com.ventusvault.platform.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * The ways an attacker forges an access token to act as a victim, each as the {@code Authorization} header value it
 * sends. Every forged token claims to be the victim, with staff roles and every scope on top, so a verifier that lets one through hands
 * the attacker the victim's money and more. {@link #GENUINE} is the control: the same claims, correctly signed by the
 * trusted key, which must be accepted (otherwise the refusals would prove nothing).
 *
 * <p>{@code trusted} is the private key the service under test trusts (its {@code kid} is the one published).
 */
public enum TokenAttack {

    /** The control: a correctly signed token for the victim, which must be accepted. */
    GENUINE {
        @Override
        String token(RSAKey trusted, Victim victim) {
            return sign(trusted, trusted.getKeyID(), victim.claims().build());
        }
    },
    /** {@code alg: none} with no signature: "trust me". */
    ALG_NONE {
        @Override
        String token(RSAKey trusted, Victim victim) {
            return unsigned("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"" + trusted.getKeyID() + "\"}", escalated(victim))
                    + ".";
        }
    },
    /** {@code alg: none} keeping a genuine signature, for verifiers that check the signature only when the alg says so. */
    ALG_NONE_KEEPING_A_SIGNATURE {
        @Override
        String token(RSAKey trusted, Victim victim) {
            String genuine = GENUINE.token(trusted, victim);
            return unsigned("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"" + trusted.getKeyID() + "\"}", escalated(victim))
                    + "." + genuine.split("\\.")[2];
        }
    },
    /** HS256 keyed with the published RSA public key: the classic algorithm confusion. */
    HS256_KEYED_WITH_THE_PUBLIC_KEY {
        @Override
        String token(RSAKey trusted, Victim victim) {
            try {
                byte[] secret = trusted.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(trusted.getKeyID())
                        .type(JOSEObjectType.JWT).build(), escalated(victim));
                jwt.sign(new MACSigner(secret));
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
    },
    /** Signed by the trusted key but expired five minutes ago (beyond any clock skew). */
    EXPIRED {
        @Override
        String token(RSAKey trusted, Victim victim) {
            Instant past = Instant.now().minus(Duration.ofMinutes(5));
            return sign(trusted, trusted.getKeyID(), victim.claims().issueTime(Date.from(past.minus(Duration.ofMinutes(15))))
                    .expirationTime(Date.from(past)).build());
        }
    },
    /** Signed by the trusted key with no {@code exp} at all: a token that would never die. */
    WITHOUT_EXPIRY {
        @Override
        String token(RSAKey trusted, Victim victim) {
            return sign(trusted, trusted.getKeyID(), victim.claims().expirationTime(null).build());
        }
    },
    /** Signed by the attacker's own key under the trusted key's {@code kid}. */
    ANOTHER_KEY_UNDER_THE_TRUSTED_KID {
        @Override
        String token(RSAKey trusted, Victim victim) {
            return sign(attackerKey(), trusted.getKeyID(), escalated(victim));
        }
    },
    /** Signed by the attacker's own key under a {@code kid} nobody published. */
    ANOTHER_KEY_UNDER_AN_UNKNOWN_KID {
        @Override
        String token(RSAKey trusted, Victim victim) {
            return sign(attackerKey(), "attacker-" + UUID.randomUUID(), escalated(victim));
        }
    },
    /** Signed by the attacker's key, which the header carries itself ({@code jwk}), under the trusted kid. */
    EMBEDDED_JWK_OF_THE_ATTACKER {
        @Override
        String token(RSAKey trusted, Victim victim) {
            RSAKey attacker = attackerKey();
            try {
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(trusted.getKeyID())
                        .jwk(attacker.toPublicJWK()).type(JOSEObjectType.JWT).build(), escalated(victim));
                jwt.sign(new RSASSASigner(attacker));
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
    },
    /** The attacker's own genuine token with the payload rewritten to the victim and staff roles; signature kept. */
    TAMPERED_PAYLOAD {
        @Override
        String token(RSAKey trusted, Victim victim) {
            Victim attacker = new Victim(UUID.randomUUID(), "attacker@example.com", List.of("CUSTOMER"));
            String[] own = GENUINE.token(trusted, attacker).split("\\.");
            return own[0] + "." + base64(escalated(victim).toString()) + "." + own[2];
        }
    },
    /** Signed by the trusted key, but issued (says the token) by someone else. */
    WRONG_ISSUER {
        @Override
        String token(RSAKey trusted, Victim victim) {
            return sign(trusted, trusted.getKeyID(), victim.claims().issuer("https://evil.example").build());
        }
    },
    /** Signed by the trusted key, but meant for another API. */
    WRONG_AUDIENCE {
        @Override
        String token(RSAKey trusted, Victim victim) {
            return sign(trusted, trusted.getKeyID(), victim.claims().audience("another-api").build());
        }
    },
    /** Not a JWT at all. */
    GARBAGE {
        @Override
        String token(RSAKey trusted, Victim victim) {
            return "not.a.jwt";
        }
    },
    /** A genuine token under another scheme than {@code Bearer}. */
    NOT_A_BEARER_TOKEN {
        @Override
        String authorization(RSAKey trusted, Victim victim) {
            return "Token " + GENUINE.token(trusted, victim);
        }

        @Override
        String token(RSAKey trusted, Victim victim) {
            return GENUINE.token(trusted, victim);
        }
    };

    /** The {@code Authorization} header value the attacker sends. */
    public String authorizationHeader(RSAKey trusted, Victim victim) {
        return authorization(trusted, victim);
    }

    String authorization(RSAKey trusted, Victim victim) {
        return "Bearer " + token(trusted, victim);
    }

    abstract String token(RSAKey trusted, Victim victim);

    /** Every attack, without the {@link #GENUINE} control. */
    public static List<TokenAttack> forgeries() {
        return java.util.Arrays.stream(values()).filter(attack -> attack != GENUINE).toList();
    }

    /**
     * Who the attacker pretends to be.
     *
     * @param roles the victim's real roles (the genuine token carries these; forgeries add SUPPORT and ADMIN)
     */
    public record Victim(UUID id, String email, List<String> roles) {

        public Victim {
            roles = List.copyOf(roles);
        }

        /** A customer. */
        public static Victim customer(UUID id, String email) {
            return new Victim(id, email, List.of("CUSTOMER"));
        }

        JWTClaimsSet.Builder claims() {
            Instant now = Instant.now();
            return new JWTClaimsSet.Builder().subject(id.toString()).issuer(TestTokens.ISSUER)
                    .audience(TestTokens.AUDIENCE).claim("email", email).claim("roles", roles)
                    .jwtID(UUID.randomUUID().toString())
                    .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(15))));
        }
    }

    private static JWTClaimsSet escalated(Victim victim) {
        return victim.claims().claim("roles", List.of("CUSTOMER", "SUPPORT", "ADMIN"))
                .claim("scope", "users:read kyc:write ledger:read roles:write audit:read").build();
    }

    private static String unsigned(String header, JWTClaimsSet claims) {
        return base64(header) + "." + base64(claims.toString());
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String sign(RSAKey key, String kid, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).type(JOSEObjectType.JWT)
                    .build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey attackerKey() {
        return AttackerKey.KEY;
    }

    /** The attacker's key pair, generated once (lazily: only attacks that sign with it need it). */
    private static final class AttackerKey {

        static final RSAKey KEY = generate();

        private static RSAKey generate() {
            try {
                return new RSAKeyGenerator(2048).keyID("attacker").generate();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
