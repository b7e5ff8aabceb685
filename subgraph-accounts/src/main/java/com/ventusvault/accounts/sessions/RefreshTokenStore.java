package com.ventusvault.accounts.sessions;

import com.ventusvault.accounts.domain.UserId;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Session families and their refresh tokens ({@code session_family}, {@code refresh_token}), by the SHA-256 digest
 * of the token. "Use" and "revoke" are conditional updates whose row count says whether this caller did it, so of two
 * concurrent exchanges of one token exactly one wins.
 */
@Repository
class RefreshTokenStore {

    private final DatabaseClient database;

    RefreshTokenStore(DatabaseClient database) {
        this.database = database;
    }

    Mono<Void> openFamily(UUID familyId, UserId user, Instant startedAt) {
        return database.sql("insert into session_family (id, user_id, started_at) values (:id, :user, :at)")
                .bind("id", familyId).bind("user", user.value()).bind("at", time(startedAt))
                .fetch().rowsUpdated().then();
    }

    Mono<Void> insert(UUID familyId, byte[] digest, Instant issuedAt, Instant expiresAt) {
        return database.sql("insert into refresh_token (id, family_id, token_hash, issued_at, expires_at) "
                        + "values (:id, :family, :hash, :issued, :expires)")
                .bind("id", UUID.randomUUID()).bind("family", familyId).bind("hash", digest)
                .bind("issued", time(issuedAt)).bind("expires", time(expiresAt))
                .fetch().rowsUpdated().then();
    }

    Mono<StoredRefreshToken> findByDigest(byte[] digest) {
        return database.sql("select t.id, t.family_id, f.user_id, t.expires_at, t.used_at, f.started_at, f.revoked_at, "
                        + "u.sessions_revoked_at from refresh_token t join session_family f on f.id = t.family_id "
                        + "join users u on u.id = f.user_id where t.token_hash = :hash")
                .bind("hash", digest)
                .map(row -> new StoredRefreshToken(row.get("id", UUID.class), row.get("family_id", UUID.class),
                        new UserId(row.get("user_id", UUID.class)), instant(row, "expires_at"), instant(row, "used_at"),
                        instant(row, "started_at"), instant(row, "revoked_at"), instant(row, "sessions_revoked_at")))
                .one();
    }

    /** Marks the token exchanged; false when it already was (someone else won the race). */
    Mono<Boolean> markUsed(UUID tokenId, Instant at) {
        return database.sql("update refresh_token set used_at = :at where id = :id and used_at is null")
                .bind("id", tokenId).bind("at", time(at))
                .fetch().rowsUpdated().map(count -> count == 1);
    }

    /** Ends the family; false when it was already ended. */
    Mono<Boolean> revokeFamily(UUID familyId, Instant at, String reason) {
        return database.sql("update session_family set revoked_at = :at, revoked_reason = :reason "
                        + "where id = :id and revoked_at is null")
                .bind("id", familyId).bind("at", time(at)).bind("reason", reason)
                .fetch().rowsUpdated().map(count -> count == 1);
    }

    /**
     * Ends every session of the user: sets {@code users.sessions_revoked_at} (what every refresh checks) and marks
     * the open families revoked (for the record). Emits how many families were open.
     */
    Mono<Long> revokeAll(UserId user, Instant at, String reason) {
        return database.sql("update users set sessions_revoked_at = :at where id = :user")
                .bind("user", user.value()).bind("at", time(at)).fetch().rowsUpdated()
                .then(database.sql("update session_family set revoked_at = :at, revoked_reason = :reason "
                                + "where user_id = :user and revoked_at is null")
                        .bind("user", user.value()).bind("at", time(at)).bind("reason", reason)
                        .fetch().rowsUpdated());
    }

    private static OffsetDateTime time(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    private static Instant instant(Readable row, String column) {
        OffsetDateTime value = row.get(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
