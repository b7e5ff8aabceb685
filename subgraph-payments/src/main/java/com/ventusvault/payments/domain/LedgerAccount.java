package com.ventusvault.payments.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * A ledger account as read (usually under a row lock): what it is, whose it is, its posted balance and what pending
 * holds reserve of it. A user's wallet is the ledger account of kind {@link AccountKind#USER_WALLET}.
 *
 * @param owner the owning user for wallets, {@code null} for system accounts
 * @param held  the sum of the account's pending holds (part of the balance, not spendable)
 */
public record LedgerAccount(AccountId id, AccountKind kind, UUID owner, Currency currency, Money balance,
                            boolean allowNegative, Money held) {

    public LedgerAccount {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(balance, "balance");
        if (balance.currency() != currency) {
            throw new IllegalArgumentException("Account " + id + " in " + currency + " has a balance in " + balance.currency());
        }
        Objects.requireNonNull(held, "held");
        if (held.currency() != currency || held.isNegative()) {
            throw new IllegalArgumentException("Account " + id + " in " + currency + " has held " + held);
        }
    }

    /** An account with nothing held. */
    public LedgerAccount(AccountId id, AccountKind kind, UUID owner, Currency currency, Money balance,
                         boolean allowNegative) {
        this(id, kind, owner, currency, balance, allowNegative, Money.zero(currency));
    }

    /** What can be spent now: balance minus held. */
    public Money available() {
        return balance.minus(held);
    }

    /** True when this is a wallet the given user owns. */
    public boolean isWalletOf(UUID userId) {
        return kind == AccountKind.USER_WALLET && owner != null && owner.equals(userId);
    }

    /** Whether the account can give {@code amount} without its available balance going below zero (or may go negative). */
    public boolean canGive(Money amount) {
        return allowNegative || available().compareTo(amount) >= 0;
    }
}
