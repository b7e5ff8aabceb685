package com.ventusvault.payments.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A recorded money movement: what the client sees as {@code Transfer}. Its journal entries (the truth about
 * balances) are not part of this view.
 *
 * @param from the paying wallet, {@code null} when money came from outside (a deposit)
 * @param to   the receiving wallet, {@code null} when money leaves the platform (a payout)
 */
public record Transfer(TransferId id, TransferKind kind, TransferStatus status, Money amount, Money fee,
                       AccountId from, AccountId to, String note, UUID initiator, Instant createdAt) {

    public Transfer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
