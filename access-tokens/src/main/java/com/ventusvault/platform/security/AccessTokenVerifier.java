package com.ventusvault.platform.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Verifies access tokens issued by accounts: RS256 signature against the accounts keys (looked up by {@code kid},
 * refetched from the {@link SigningKeySource} when a kid is unknown so key rotation needs no restart), expiry, issuer and audience. Anything else,
 * including {@code alg: none}, is refused with the reason.
 * <p>
 * A token that passed is remembered (keyed by its exact text, bounded to {@value #MAX_REMEMBERED} tokens) until its
 * {@code exp}, never longer: a client sends the same token with every request for its lifetime, and checking an RS256
 * signature, parsing the JWT and its claims was a visible share of each request's CPU. What a remembered token says
 * cannot change (its text is signed), keys are only ever added to the set this verifier uses, and refusals are never
 * remembered, so the answers are the ones a full check would give, only cheaper.
 */
public class AccessTokenVerifier {

    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(3);
    private static final Logger log = LoggerFactory.getLogger(AccessTokenVerifier.class);

    private final AuthProperties properties;
    private final SigningKeySource keySource;
    private final Clock clock;
    private final AtomicReference<JWKSet> keys = new AtomicReference<>(new JWKSet());
    private final AtomicReference<Mono<JWKSet>> inFlight = new AtomicReference<>();
    private volatile Instant lastFetch = Instant.EPOCH;
    private final Map<String, Verified> remembered = new ConcurrentHashMap<>();

    static final int MAX_REMEMBERED = 10_000;

    public AccessTokenVerifier(AuthProperties properties, SigningKeySource keySource, Clock clock) {
        this.properties = properties;
        this.keySource = keySource;
        this.clock = clock;
    }

    /**
     * The viewer the token speaks for; or an {@link InvalidTokenException} saying why it is refused; or a
     * {@link KeysUnavailableException} when the keys to judge it could not be had (our failure, not the client's).
     */
    public Mono<Viewer> verify(String token) {
        Verified hit = remembered.get(token);
        if (hit != null) {
            if (clock.instant().isBefore(hit.expires())) {
                return Mono.just(hit.viewer());
            }
            remembered.remove(token, hit);
        }
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException e) {
            return Mono.error(new InvalidTokenException("the access token is not a signed JWT"));
        }
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
            return Mono.error(new InvalidTokenException("the access token must be signed with RS256"));
        }
        String kid = jwt.getHeader().getKeyID();
        JWK known = kid == null ? null : keys.get().getKeyByKeyId(kid);
        Mono<JWK> key = known != null ? Mono.just(known) : refreshKeys().flatMap(set -> Mono.justOrEmpty(
                kid == null ? null : set.getKeyByKeyId(kid)));
        return key.switchIfEmpty(Mono.error(new InvalidTokenException("the access token was signed with an unknown key")))
                .map(jwk -> remember(token, check(jwt, jwk)));
    }

    private Viewer remember(String token, Verified verified) {
        if (remembered.size() >= MAX_REMEMBERED) {
            Instant now = clock.instant();
            remembered.values().removeIf(entry -> !now.isBefore(entry.expires()));
            if (remembered.size() >= MAX_REMEMBERED) {
                remembered.clear();
            }
        }
        remembered.put(token, verified);
        return verified.viewer();
    }

    /** A token that passed every check, and until when its answer holds (its {@code exp}). */
    private record Verified(Viewer viewer, Instant expires) {
    }

    private Verified check(SignedJWT jwt, JWK jwk) {
        try {
            JWSVerifier verifier = new RSASSAVerifier((RSAKey) jwk);
            if (!jwt.verify(verifier)) {
                throw new InvalidTokenException("the access token signature is invalid");
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Instant now = clock.instant();
            if (claims.getExpirationTime() == null || claims.getExpirationTime().toInstant().plus(CLOCK_SKEW).isBefore(now)) {
                throw new InvalidTokenException("the access token has expired: log in again");
            }
            if (!properties.issuer().equals(claims.getIssuer())) {
                throw new InvalidTokenException("the access token was issued by someone else");
            }
            if (claims.getAudience() == null || !claims.getAudience().contains(properties.audience())) {
                throw new InvalidTokenException("the access token is not meant for this API");
            }
            if (claims.getSubject() == null) {
                throw new InvalidTokenException("the access token names no user");
            }
            List<String> roles = claims.getStringListClaim("roles");
            String scope = claims.getStringClaim("scope");
            return new Verified(new Viewer(UUID.fromString(claims.getSubject()), claims.getStringClaim("email"),
                    roles == null ? List.of() : roles, scopes(scope)), claims.getExpirationTime().toInstant());
        } catch (JOSEException | ParseException | IllegalArgumentException | ClassCastException e) {
            throw new InvalidTokenException("the access token is malformed");
        }
    }

    /** The {@code scope} claim's space-separated scopes (RFC 9068 section 2.2.3), none when absent. */
    private static Set<String> scopes(String scope) {
        if (scope == null || scope.isBlank()) {
            return Set.of();
        }
        return Set.copyOf(Arrays.asList(scope.strip().split("\\s+")));
    }

    /**
     * The key set after a refetch, shared by every request that needs it while the fetch runs (so a restart or a key
     * rotation refuses no valid token), and at most one fetch per refresh interval (so tokens with made-up kids cannot
     * hammer accounts).
     */
    private Mono<JWKSet> refreshKeys() {
        Mono<JWKSet> running = inFlight.get();
        if (running != null) {
            return running;
        }
        if (clock.instant().isBefore(lastFetch.plus(properties.jwksRefreshInterval()))) {
            return Mono.just(keys.get());
        }
        Mono<JWKSet> fetch = keySource.fetch()
                .timeout(FETCH_TIMEOUT)
                .doOnNext(set -> {
                    keys.set(set);
                    lastFetch = clock.instant();
                })
                .onErrorMap(e -> {
                    log.warn("Could not fetch the token signing keys: {}", e.toString());
                    return new KeysUnavailableException();
                })
                .doFinally(signal -> inFlight.set(null))
                .cache();
        if (inFlight.compareAndSet(null, fetch)) {
            return fetch;
        }
        Mono<JWKSet> other = inFlight.get();
        return other != null ? other : Mono.just(keys.get());
    }

    /** Why a token was refused; the message is safe to show to the client. */
    public static final class InvalidTokenException extends RuntimeException {
        public InvalidTokenException(String reason) {
            super(reason);
        }
    }

    /** The signing keys could not be fetched; the cause is logged, never shown to the client. */
    public static final class KeysUnavailableException extends RuntimeException {
        public KeysUnavailableException() {
            super("access tokens cannot be verified right now; retry shortly");
        }
    }
}
