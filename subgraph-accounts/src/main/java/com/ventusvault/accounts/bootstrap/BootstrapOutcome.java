package com.ventusvault.accounts.bootstrap;

import com.ventusvault.accounts.domain.User;

/** What {@link StaffBootstrap#ensureAdmin} found and did; every case ends with an ADMIN user. */
public sealed interface BootstrapOutcome {

    /** The admin as stored now. */
    User user();

    /** No user had the email: one was created with roles CUSTOMER and ADMIN. */
    record Created(User user) implements BootstrapOutcome {
    }

    /** A user had the email without ADMIN: the role was added (password and other roles untouched). */
    record Promoted(User user) implements BootstrapOutcome {
    }

    /** The user was already an admin: nothing changed. */
    record AlreadyAdmin(User user) implements BootstrapOutcome {
    }
}
