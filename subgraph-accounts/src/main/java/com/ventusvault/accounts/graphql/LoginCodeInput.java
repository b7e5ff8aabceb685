package com.ventusvault.accounts.graphql;

/** The {@code LoginCodeInput} GraphQL input of {@code sendLoginCode}. */
public record LoginCodeInput(String email, String password) {

    /** Never prints the password. */
    @Override
    public String toString() {
        return "LoginCodeInput[email=" + email + "]";
    }
}
