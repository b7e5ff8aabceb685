package com.ventusvault.accounts.bootstrap;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The administrator accounts makes sure of at start-up ({@code ventus.accounts.bootstrap-admin.*}; accounts.yml reads
 * {@code VENTUS_ADMIN_EMAIL} and {@code VENTUS_ADMIN_PASSWORD}). A blank email means no bootstrap admin. Without it, a
 * fresh database has no staff at all, and staff-only operations such as {@code verifyLedger} would have no caller.
 *
 * @param email       the admin's login; blank: nothing is done
 * @param password    the admin's password when the user is created (the registration rules apply); an existing user
 *                    keeps their password
 * @param displayName the name shown for the admin when the user is created
 */
@ConfigurationProperties("ventus.accounts.bootstrap-admin")
public record BootstrapAdminProperties(String email, String password,
                                       @DefaultValue("VentusVault Admin") String displayName) {

    /** Whether an admin is configured at all. */
    public boolean configured() {
        return email != null && !email.isBlank();
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "BootstrapAdminProperties[email=" + email + ", displayName=" + displayName + "]";
    }
}
