package com.ventusvault.accounts.verification;

import com.ventusvault.accounts.credentials.RandomSecrets;
import com.ventusvault.accounts.credentials.SecretDigest;
import com.ventusvault.accounts.domain.UserId;
import com.ventusvault.accounts.persistence.UserTokenRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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

    /** Longer input cannot be one of our tokens; refusing it early keeps hashing cheap. */
    private static final int MAX_TOKEN_LENGTH = 128;

    private final UserTokenRepository tokens;
    private final RandomSecrets secrets;
    private final Clock clock;

    public OneTimeTokens(UserTokenRepository tokens, RandomSecrets secrets, Clock clock) {
        this.tokens = tokens;
        this.secrets = secrets;
        this.clock = clock;
    }

    /** A new token for the user and purpose, valid for {@code ttl}; the user's older open ones of that purpose close. */
    public Mono<String> issue(UserId user, TokenPurpose purpose, Duration ttl) {
        String token = secrets.token();
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

    private static byte[] hash(String token) {
        return SecretDigest.of(token);
    }
}
