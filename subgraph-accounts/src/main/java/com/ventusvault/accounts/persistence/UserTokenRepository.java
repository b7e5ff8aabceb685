package com.ventusvault.accounts.persistence;

import com.ventusvault.accounts.domain.UserId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Single-use tokens mailed to users ({@code accounts.user_token}), stored as SHA-256 hashes only. The purpose is a
 * plain string here ({@code EMAIL_VERIFICATION}, {@code PASSWORD_RESET}); a token of one purpose never answers for
 * the other.
 */
@Repository
public class UserTokenRepository {

    /** What the table says about a presented token that could not be redeemed. */
    public enum State {
        /** No such token for this purpose. */
        UNKNOWN,
        /** Used, or replaced by a newer one. */
        CLOSED,
        /** Open but past its expiry. */
        EXPIRED
    }

    private final DatabaseClient database;

    public UserTokenRepository(DatabaseClient database) {
        this.database = database;
    }

    /** Closes the user's open tokens of this purpose, then stores a new one. */
    public Mono<Void> replace(UserId user, String purpose, byte[] tokenHash, Instant createdAt, Instant expiresAt) {
        return closeOpen(user, purpose, createdAt)
                .then(database.sql("insert into user_token (token_hash, user_id, purpose, created_at, expires_at) "
                                + "values (:hash, :user, :purpose, :createdAt, :expiresAt)")
                        .bind("hash", tokenHash).bind("user", user.value()).bind("purpose", purpose)
                        .bind("createdAt", createdAt).bind("expiresAt", expiresAt)
                        .fetch().rowsUpdated())
                .then();
    }

    /** How many tokens of this purpose the user was issued since {@code since} (for limiting how many are mailed). */
    public Mono<Long> countIssuedSince(UserId user, String purpose, Instant since) {
        return database.sql("select count(*) from user_token where user_id = :user and purpose = :purpose "
                        + "and created_at > :since")
                .bind("user", user.value()).bind("purpose", purpose).bind("since", since)
                .map(row -> row.get(0, Long.class)).one();
    }

    /** Closes every open token of this purpose the user has. */
    public Mono<Long> closeOpen(UserId user, String purpose, Instant at) {
        return database.sql("update user_token set closed_at = :at "
                        + "where user_id = :user and purpose = :purpose and closed_at is null")
                .bind("at", at).bind("user", user.value()).bind("purpose", purpose)
                .fetch().rowsUpdated();
    }

    /**
     * Closes the open, unexpired token with this hash and purpose and emits its user; emits nothing when there is no
     * such token. One statement, so of two concurrent redemptions exactly one wins.
     */
    public Mono<UserId> redeem(byte[] tokenHash, String purpose, Instant now) {
        return database.sql("update user_token set closed_at = :now where token_hash = :hash and purpose = :purpose "
                        + "and closed_at is null and expires_at > :now returning user_id")
                .bind("now", now).bind("hash", tokenHash).bind("purpose", purpose)
                .map(row -> new UserId(row.get("user_id", UUID.class))).one();
    }

    /** The user of an open, unexpired token with this hash and purpose, without closing it. */
    public Mono<UserId> findRedeemable(byte[] tokenHash, String purpose, Instant now) {
        return database.sql("select user_id from user_token where token_hash = :hash and purpose = :purpose "
                        + "and closed_at is null and expires_at > :now")
                .bind("now", now).bind("hash", tokenHash).bind("purpose", purpose)
                .map(row -> new UserId(row.get("user_id", UUID.class))).one();
    }

    /** Why a token cannot be redeemed at {@code now}. */
    public Mono<State> stateOf(byte[] tokenHash, String purpose, Instant now) {
        return database.sql("select closed_at, expires_at from user_token where token_hash = :hash and purpose = :purpose")
                .bind("hash", tokenHash).bind("purpose", purpose)
                // Open and unexpired cannot be why a redemption failed, except that another redemption won the race
                // in between: that one closed it.
                .map(row -> row.get("closed_at", OffsetDateTime.class) == null
                        && !row.get("expires_at", OffsetDateTime.class).toInstant().isAfter(now)
                        ? State.EXPIRED : State.CLOSED)
                .one()
                .defaultIfEmpty(State.UNKNOWN);
    }
}
