package com.ventusvault.payments.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * A ledger account as read (usually under a row lock): what it is, whose it is, and its posted balance. A user's
 * wallet is the ledger account of kind {@link AccountKind#USER_WALLET}.
 *
 * @param owner the owning user for wallets, {@code null} for system accounts
 */
public record LedgerAccount(AccountId id, AccountKind kind, UUID owner, Currency currency, Money balance,
                            boolean allowNegative) {

    public LedgerAccount {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(balance, "balance");
        if (balance.currency() != currency) {
            throw new IllegalArgumentException("Account " + id + " in " + currency + " has a balance in " + balance.currency());
        }
    }

    /** True when this is a wallet the given user owns. */
    public boolean isWalletOf(UUID userId) {
        return kind == AccountKind.USER_WALLET && owner != null && owner.equals(userId);
    }

    /** Whether the account can give {@code amount} without going below zero (or may go negative anyway). */
    public boolean canGive(Money amount) {
        return allowNegative || balance.compareTo(amount) >= 0;
    }
}
