package com.ventusvault.accounts.tokens;

import java.time.Instant;

/** A signed access token and the instant it stops being accepted. */
public record IssuedToken(String accessToken, Instant expiresAt) {

    /** Never prints the token: it is a bearer credential. */
    @Override
    public String toString() {
        return "IssuedToken[expiresAt=" + expiresAt + "]";
    }
}
