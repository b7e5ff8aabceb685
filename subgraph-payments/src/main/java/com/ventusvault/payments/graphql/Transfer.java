package com.ventusvault.payments.graphql;

import com.ventusvault.payments.domain.AccountId;
import com.ventusvault.payments.domain.Fees;
import com.ventusvault.payments.domain.Money;
import com.ventusvault.payments.domain.TransferKind;
import com.ventusvault.payments.domain.TransferStatus;
import java.time.Instant;
import java.util.List;

/**
 * A {@code Transfer} as GraphQL serves it (named like the schema type so federation resolves {@code _Entity} to it);
 * {@code from} and {@code to} are resolved by {@link TransferController}, {@code history} and {@code hold} in batches
 * by {@link TransferDetailsController}; {@code fees} and {@code failure} come with the row.
 */
public record Transfer(String id, TransferKind kind, TransferStatus status, Money amount, Money fee,
                       AccountId fromWallet, AccountId toWallet, String note, Instant createdAt, FeeBreakdown fees,
                       UserError failure) {

    /** A transfer whose whole fee is the platform's and that has not failed (the pre-breakdown shape). */
    public Transfer(String id, TransferKind kind, TransferStatus status, Money amount, Money fee, AccountId fromWallet,
                    AccountId toWallet, String note, Instant createdAt) {
        this(id, kind, status, amount, fee, fromWallet, toWallet, note, createdAt, FeeBreakdown.of(Fees.platformOnly(fee)),
                null);
    }

    static Transfer of(com.ventusvault.payments.domain.Transfer transfer) {
        UserError failure = transfer.failure() == null ? null
                : new UserError(transfer.failure().code(), transfer.failure().message(), List.of());
        return new Transfer(transfer.id().toString(), transfer.kind(), transfer.status(), transfer.amount(),
                transfer.fee(), transfer.from(), transfer.to(), transfer.note(), transfer.createdAt(),
                FeeBreakdown.of(transfer.fees()), failure);
    }
}
