package com.ventusvault.accounts.twofactor;

/** A TOTP secret offered by beginTwoFactorSetup: as an otpauth URI for a QR code, and in base32 to type in. */
public record SetupOffer(String otpauthUri, String secret) {

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "SetupOffer[]";
    }
}
