package com.ventusvault.accounts.sessions;

import com.ventusvault.accounts.domain.User;
import java.time.Instant;

/**
 * A signed-in session: the bearer access token and when it expires, the single-use refresh token that renews it and
 * when that expires, and whose it is.
 */
public record Session(String accessToken, Instant expiresAt, String refreshToken, Instant refreshExpiresAt,
                      User user) {

    /** Never prints the tokens: they are bearer credentials. */
    @Override
    public String toString() {
        return "Session[user=" + user.id() + ", expiresAt=" + expiresAt + ", refreshExpiresAt=" + refreshExpiresAt + "]";
    }
}
