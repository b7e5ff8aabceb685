package com.ventusvault.accounts.graphql;

/** The {@code RegisterInput} GraphQL input. */
public record RegisterInput(String email, String password, String displayName, String phone) {

    @Override
    public String toString() {
        return "RegisterInput[email=" + email + ", displayName=" + displayName + "]";
    }
}
