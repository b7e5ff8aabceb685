package com.ventusvault.accounts.domain;

/** What a user may do beyond their own account. Every new user is a {@link #CUSTOMER}. */
public enum Role {
    CUSTOMER,
    SUPPORT,
    ADMIN
}
