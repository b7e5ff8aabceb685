package com.ventusvault.accounts.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A person with a VentusVault login, as other parts of the system may see them (never their password hash).
 *
 * @param emailVerified whether the user proved they read the login email (verifyEmail or a password reset)
 * @param address       the postal address, or null
 */
public record User(UserId id, String email, String displayName, String phone, List<Role> roles, KycStatus kycStatus,
                   Instant createdAt, boolean emailVerified, Address address) {

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(displayName, "displayName");
        roles = List.copyOf(roles);
        Objects.requireNonNull(kycStatus, "kycStatus");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A user whose email is not verified and who has no address (e.g. a token-issuing test's stand-in user). */
    public User(UserId id, String email, String displayName, String phone, List<Role> roles, KycStatus kycStatus,
                Instant createdAt) {
        this(id, email, displayName, phone, roles, kycStatus, createdAt, false, null);
    }

    /** Whether the user is staff (SUPPORT or ADMIN), as stored now. */
    public boolean isStaff() {
        return roles.contains(Role.SUPPORT) || roles.contains(Role.ADMIN);
    }
}
