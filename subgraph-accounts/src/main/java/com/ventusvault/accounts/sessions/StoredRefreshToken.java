package com.ventusvault.accounts.sessions;

import com.ventusvault.accounts.domain.UserId;
import java.time.Instant;
import java.util.UUID;

/**
 * A refresh token as stored (never the token itself), with what decides whether its family is still alive.
 *
 * @param usedAt                when it was exchanged; null while it is the family's current token
 * @param familyRevokedAt       when its family was ended (logout, reuse); null while open
 * @param userSessionsRevokedAt {@code users.sessions_revoked_at}: families started at or before it are dead
 */
record StoredRefreshToken(UUID id, UUID familyId, UserId userId, Instant expiresAt, Instant usedAt,
                          Instant familyStartedAt, Instant familyRevokedAt, Instant userSessionsRevokedAt) {

    /** Whether the family this token belongs to may still issue sessions. */
    boolean familyAlive() {
        return familyRevokedAt == null
                && (userSessionsRevokedAt == null || familyStartedAt.isAfter(userSessionsRevokedAt));
    }

    boolean expiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
