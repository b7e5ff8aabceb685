package com.ventusvault.accounts.persistence;

import com.ventusvault.accounts.domain.User;

/** A user together with their password hash: what login needs, and nothing else should see. */
public record StoredCredentials(User user, String passwordHash) {

    /** Never prints the hash. */
    @Override
    public String toString() {
        return "StoredCredentials[user=" + user.id() + "]";
    }
}
