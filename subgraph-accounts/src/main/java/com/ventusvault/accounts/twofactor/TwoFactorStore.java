package com.ventusvault.accounts.twofactor;

import com.ventusvault.accounts.domain.UserId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The two-factor tables ({@code two_factor}, {@code recovery_code}, {@code login_code}) with explicit SQL. Every
 * "use" is one conditional statement whose row count says whether this caller won, so a code, a step or a recovery
 * code is accepted once even under concurrent attempts.
 */
@Repository
class TwoFactorStore {

    private final DatabaseClient database;

    TwoFactorStore(DatabaseClient database) {
        this.database = database;
    }

    Mono<TwoFactorState> find(UserId user) {
        return database.sql("select pending_secret, secret, last_used_step from two_factor where user_id = :user")
                .bind("user", user.value())
                .map(row -> new TwoFactorState(bytes(row.get("pending_secret")), bytes(row.get("secret")),
                        row.get("last_used_step", Long.class)))
                .one();
    }

    /** The users among {@code ids} with two-factor auth on, in one query. */
    Flux<UUID> enabledAmong(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Flux.empty();
        }
        return database.sql("select user_id from two_factor where secret is not null and user_id = any(:ids)")
                .bind("ids", ids.toArray(UUID[]::new))
                .map(row -> row.get("user_id", UUID.class)).all();
    }

    /** Offers a new secret (replacing any earlier offer); the enabled secret, if any, is untouched. */
    Mono<Void> offer(UserId user, byte[] secret) {
        return database.sql("insert into two_factor (user_id, pending_secret) values (:user, :secret) "
                        + "on conflict (user_id) do update set pending_secret = excluded.pending_secret")
                .bind("user", user.value()).bind("secret", secret).fetch().rowsUpdated().then();
    }

    /** Turns the offered secret on, if it is still the one offered and nothing is on yet; true when it did. */
    Mono<Boolean> enable(UserId user, byte[] offered, long step, Instant at) {
        return database.sql("update two_factor set secret = pending_secret, pending_secret = null, enabled_at = :at, "
                        + "last_used_step = :step where user_id = :user and secret is null and pending_secret = :offered")
                .bind("user", user.value()).bind("offered", offered).bind("step", step).bind("at", time(at))
                .fetch().rowsUpdated().map(count -> count == 1);
    }

    /** Records that a code of {@code step} was accepted; false when that step or a later one already was. */
    Mono<Boolean> useStep(UserId user, long step) {
        return database.sql("update two_factor set last_used_step = :step where user_id = :user and secret is not null "
                        + "and (last_used_step is null or last_used_step < :step)")
                .bind("user", user.value()).bind("step", step)
                .fetch().rowsUpdated().map(count -> count == 1);
    }

    /** Turns two-factor auth off: the secret, recovery codes and any login code go. */
    Mono<Void> remove(UserId user) {
        return database.sql("delete from two_factor where user_id = :user").bind("user", user.value())
                .fetch().rowsUpdated()
                .then(database.sql("delete from recovery_code where user_id = :user").bind("user", user.value())
                        .fetch().rowsUpdated())
                .then(database.sql("delete from login_code where user_id = :user").bind("user", user.value())
                        .fetch().rowsUpdated())
                .then();
    }

    /** Replaces every recovery code of the user with these digests. */
    Mono<Void> replaceRecoveryCodes(UserId user, List<byte[]> digests) {
        return database.sql("delete from recovery_code where user_id = :user").bind("user", user.value())
                .fetch().rowsUpdated()
                .thenMany(Flux.fromIterable(digests).concatMap(digest -> database
                        .sql("insert into recovery_code (user_id, code_hash) values (:user, :hash)")
                        .bind("user", user.value()).bind("hash", digest).fetch().rowsUpdated()))
                .then();
    }

    /** Uses up the unused recovery code with this digest; false when there is none. */
    Mono<Boolean> useRecoveryCode(UserId user, byte[] digest, Instant at) {
        return database.sql("update recovery_code set used_at = :at where user_id = :user and code_hash = :hash "
                        + "and used_at is null")
                .bind("user", user.value()).bind("hash", digest).bind("at", time(at))
                .fetch().rowsUpdated().map(count -> count == 1);
    }

    /** How many unused recovery codes the user has left. */
    Mono<Long> recoveryCodesLeft(UserId user) {
        return database.sql("select count(*) from recovery_code where user_id = :user and used_at is null")
                .bind("user", user.value()).map(row -> row.get(0, Long.class)).one();
    }

    /** Stores the digest of a new login code (replacing any earlier one). */
    Mono<Void> saveLoginCode(UserId user, byte[] digest, Instant expiresAt) {
        return database.sql("insert into login_code (user_id, code_hash, expires_at) values (:user, :hash, :expires) "
                        + "on conflict (user_id) do update set code_hash = excluded.code_hash, "
                        + "expires_at = excluded.expires_at")
                .bind("user", user.value()).bind("hash", digest).bind("expires", time(expiresAt))
                .fetch().rowsUpdated().then();
    }

    /** Uses up the live login code with this digest; false when it is wrong, used or expired. */
    Mono<Boolean> useLoginCode(UserId user, byte[] digest, Instant at) {
        return database.sql("delete from login_code where user_id = :user and code_hash = :hash and expires_at > :at")
                .bind("user", user.value()).bind("hash", digest).bind("at", time(at))
                .fetch().rowsUpdated().map(count -> count == 1);
    }

    private static OffsetDateTime time(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    private static byte[] bytes(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof java.nio.ByteBuffer buffer) {
            byte[] copy = new byte[buffer.remaining()];
            buffer.duplicate().get(copy);
            return copy;
        }
        return (byte[]) value;
    }
}
