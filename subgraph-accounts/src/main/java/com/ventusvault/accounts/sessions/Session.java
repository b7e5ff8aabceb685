package com.ventusvault.accounts.sessions;

import com.ventusvault.accounts.domain.User;
import java.time.Instant;

/** A signed-in session: the bearer access token, when it expires, and whose it is. */
public record Session(String accessToken, Instant expiresAt, User user) {

    /** Never prints the token: it is a bearer credential. */
    @Override
    public String toString() {
        return "Session[user=" + user.id() + ", expiresAt=" + expiresAt + "]";
    }
}
