package com.ventusvault.accounts.sessions;

/**
 * What a login presents: email and password and, once two-factor auth is on, a TOTP or SMS code or a recovery code
 * (either may be null).
 */
public record Credentials(String email, String password, String totpCode, String recoveryCode) {

    /** Never prints the password or codes. */
    @Override
    public String toString() {
        return "Credentials[email=" + email + "]";
    }
}
