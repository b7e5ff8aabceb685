package com.ventusvault.accounts.graphql;

/** The {@code DisableTwoFactorInput} GraphQL input. */
public record DisableTwoFactorInput(String password, String code) {

    /** Never prints the password or code. */
    @Override
    public String toString() {
        return "DisableTwoFactorInput[]";
    }
}
