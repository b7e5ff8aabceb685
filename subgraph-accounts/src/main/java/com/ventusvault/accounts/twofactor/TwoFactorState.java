package com.ventusvault.accounts.twofactor;

/**
 * A user's row in {@code two_factor}: the secret offered by setup and not yet confirmed, the confirmed secret (null
 * while two-factor auth is off) and the last time step a code was accepted for.
 */
record TwoFactorState(byte[] pendingSecret, byte[] secret, Long lastUsedStep) {

    boolean enabled() {
        return secret != null;
    }

    @Override
    public String toString() {
        return "TwoFactorState[enabled=" + enabled() + ", pending=" + (pendingSecret != null) + "]";
    }
}
