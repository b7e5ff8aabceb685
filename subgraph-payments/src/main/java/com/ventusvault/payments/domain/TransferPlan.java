package com.ventusvault.payments.domain;

import java.util.List;
import java.util.Objects;

/**
 * What a transfer will write, decided by {@link Ledger} before anything is written: the transfer's headline
 * (kind, amount, fee, wallets) and its balanced postings.
 */
public record TransferPlan(TransferKind kind, Money amount, Money fee, AccountId from, AccountId to,
                           List<Posting> postings) {

    public TransferPlan {
        Objects.requireNonNull(kind, "kind");
        postings = List.copyOf(postings);
        Money sum = Money.zero(amount.currency());
        for (Posting posting : postings) {
            sum = sum.plus(posting.amount());
        }
        if (sum.amount().signum() != 0) {
            throw new IllegalStateException("Unbalanced " + kind + " plan: postings sum to " + sum);
        }
        if (fee.currency() != amount.currency()) {
            throw new IllegalArgumentException("Fee " + fee + " is not in the transfer currency " + amount.currency());
        }
    }
}
