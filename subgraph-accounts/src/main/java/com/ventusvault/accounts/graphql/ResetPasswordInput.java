package com.ventusvault.accounts.graphql;

/** The {@code ResetPasswordInput} GraphQL input. */
public record ResetPasswordInput(String token, String newPassword) {

    /** Never prints the token or the password. */
    @Override
    public String toString() {
        return "ResetPasswordInput[]";
    }
}
