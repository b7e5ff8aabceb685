package com.ventusvault.accounts.graphql;

/** The {@code ChangePasswordInput} GraphQL input. */
public record ChangePasswordInput(String currentPassword, String newPassword) {

    /** Never prints the passwords. */
    @Override
    public String toString() {
        return "ChangePasswordInput[]";
    }
}
