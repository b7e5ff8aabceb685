package com.ventusvault.accounts.verification;

import com.ventusvault.accounts.domain.UserId;
import com.ventusvault.accounts.persistence.UserTokenRepository;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Issues and redeems the single-use tokens mailed to users: 32 random bytes as URL-safe base64 (43 characters), of
 * which only the SHA-256 is stored. A lookup by that hash is what finds a token; comparing hashes of 256-bit random
 * values leaks nothing useful through timing, so no comparison of the secret itself happens at all. Time comes from
 * the injected {@link Clock}. Run both operations inside the caller's transaction.
 */
@Service
public class OneTimeTokens {

    private static final int TOKEN_BYTES = 32;
    /** Longer input cannot be one of our tokens; refusing it early keeps hashing cheap. */
    private static final int MAX_TOKEN_LENGTH = 128;

    private final UserTokenRepository tokens;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public OneTimeTokens(UserTokenRepository tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** A new token for the user and purpose, valid for {@code ttl}; the user's older open ones of that purpose close. */
    public Mono<String> issue(UserId user, TokenPurpose purpose, Duration ttl) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        return tokens.replace(user, purpose.name(), hash(token), now, now.plus(ttl)).thenReturn(token);
    }

    /**
     * Uses the token: emits {@link Redemption.Redeemed} with its user (the token is closed, and so are the user's other
     * open tokens of the purpose) or {@link Redemption.Refused} reported at {@code field}.
     */
    public Mono<Redemption> redeem(String token, TokenPurpose purpose, List<String> field) {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_LENGTH) {
            return Mono.just(Redemption.invalid(field));
        }
        Instant now = clock.instant();
        byte[] hash = hash(token.strip());
        return tokens.redeem(hash, purpose.name(), now)
                .flatMap(user -> tokens.closeOpen(user, purpose.name(), now)
                        .thenReturn((Redemption) new Redemption.Redeemed(user)))
                .switchIfEmpty(Mono.defer(() -> refusal(hash, purpose, field, now)));
    }

    private Mono<Redemption> refusal(byte[] hash, TokenPurpose purpose, List<String> field, Instant now) {
        return tokens.stateOf(hash, purpose.name(), now)
                .map(state -> state == UserTokenRepository.State.EXPIRED
                        ? Redemption.expired(field) : Redemption.invalid(field));
    }

    /**
     * What {@link #redeem} would answer now, without using the token: lets a caller refuse a dead token before costly
     * work. {@link Redemption.Redeemed} here is only a forecast; redeem to use the token.
     */
    public Mono<Redemption> check(String token, TokenPurpose purpose, List<String> field) {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_LENGTH) {
            return Mono.just(Redemption.invalid(field));
        }
        Instant now = clock.instant();
        byte[] hash = hash(token.strip());
        return tokens.findRedeemable(hash, purpose.name(), now)
                .map(user -> (Redemption) new Redemption.Redeemed(user))
                .switchIfEmpty(Mono.defer(() -> refusal(hash, purpose, field, now)));
    }

    /** How many tokens of this purpose the user was issued within the last {@code window}. */
    public Mono<Long> issuedWithin(UserId user, TokenPurpose purpose, Duration window) {
        return tokens.countIssuedSince(user, purpose.name(), clock.instant().minus(window));
    }

    /** Closes the user's open tokens of this purpose (e.g. every reset link once the password changed). */
    public Mono<Void> closeAll(UserId user, TokenPurpose purpose) {
        return tokens.closeOpen(user, purpose.name(), clock.instant()).then();
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
