package com.ventusvault.payments.providers;

import java.util.Objects;

/**
 * A bank account a provider confirmed exists, with the holder's name as the bank knows it (shown to the user before a
 * payout, and sent with the transfer).
 *
 * @param provider    the provider that resolved it
 * @param accountName the account holder's name
 */
public record ResolvedAccount(ProviderName provider, String accountName) {

    public ResolvedAccount {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(accountName, "accountName");
    }
}
