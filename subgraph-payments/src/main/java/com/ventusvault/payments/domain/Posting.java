package com.ventusvault.payments.domain;

import java.util.Objects;

/**
 * One journal line: a signed change to one account's balance. Negative means money leaves the account (debit),
 * positive means it arrives (credit). The postings of a transfer sum to zero in its one currency.
 */
public record Posting(AccountId account, Money amount) {

    public Posting {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(amount, "amount");
        if (amount.amount().signum() == 0) {
            throw new IllegalArgumentException("A posting of zero to " + account + " carries no information");
        }
    }

    public static Posting debit(AccountId account, Money amount) {
        return new Posting(account, amount.negate());
    }

    public static Posting credit(AccountId account, Money amount) {
        return new Posting(account, amount);
    }
}
