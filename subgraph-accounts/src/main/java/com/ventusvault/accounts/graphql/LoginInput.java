package com.ventusvault.accounts.graphql;

import com.ventusvault.accounts.sessions.Credentials;

/** The {@code LoginInput} GraphQL input. */
public record LoginInput(String email, String password, String totpCode, String recoveryCode) {

    Credentials credentials() {
        return new Credentials(email, password, totpCode, recoveryCode);
    }

    /** Never prints the password or codes. */
    @Override
    public String toString() {
        return "LoginInput[email=" + email + "]";
    }
}
