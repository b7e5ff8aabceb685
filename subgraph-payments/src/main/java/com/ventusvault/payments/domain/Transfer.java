package com.ventusvault.payments.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A recorded money movement: what the client sees as {@code Transfer}. Its journal entries (the truth about
 * balances), status history and hold are not part of this view.
 *
 * @param fees    the fee breakdown; {@link #fee()} is its total
 * @param from    the paying wallet, {@code null} when money came from outside (a deposit)
 * @param to      the receiving wallet, {@code null} when money leaves the platform (a payout)
 * @param failure why it failed or expired, {@code null} otherwise
 */
public record Transfer(TransferId id, TransferKind kind, TransferStatus status, Money amount, Fees fees,
                       AccountId from, AccountId to, String note, UUID initiator, Instant createdAt,
                       TransferFailure failure) {

    public Transfer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(fees, "fees");
        Objects.requireNonNull(createdAt, "createdAt");
        if (fees.currency() != amount.currency()) {
            throw new IllegalArgumentException("Fees " + fees + " are not in the transfer currency " + amount.currency());
        }
    }

    /** A transfer that has not failed, with its fees. */
    public Transfer(TransferId id, TransferKind kind, TransferStatus status, Money amount, Fees fees, AccountId from,
                    AccountId to, String note, UUID initiator, Instant createdAt) {
        this(id, kind, status, amount, fees, from, to, note, initiator, createdAt, null);
    }

    /** A transfer that has not failed, whose whole fee the platform earns (the pre-breakdown shape). */
    public Transfer(TransferId id, TransferKind kind, TransferStatus status, Money amount, Money fee, AccountId from,
                    AccountId to, String note, UUID initiator, Instant createdAt) {
        this(id, kind, status, amount, Fees.platformOnly(fee), from, to, note, initiator, createdAt, null);
    }

    /** The total fee charged on top of the amount ({@code fees.total()}). */
    public Money fee() {
        return fees.total();
    }
}
