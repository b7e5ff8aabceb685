package com.ventusvault.accounts.graphql;

/** The {@code LoginInput} GraphQL input. */
public record LoginInput(String email, String password) {

    @Override
    public String toString() {
        return "LoginInput[email=" + email + "]";
    }
}
