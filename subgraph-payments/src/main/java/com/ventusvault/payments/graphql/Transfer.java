package com.ventusvault.payments.graphql;

import com.ventusvault.payments.domain.AccountId;
import com.ventusvault.payments.domain.Money;
import com.ventusvault.payments.domain.TransferKind;
import com.ventusvault.payments.domain.TransferStatus;
import java.time.Instant;

/**
 * A {@code Transfer} as GraphQL serves it (named like the schema type so federation resolves {@code _Entity} to it); {@code from} and {@code to} are resolved by {@link TransferController}. */
public record Transfer(String id, TransferKind kind, TransferStatus status, Money amount, Money fee,
                           AccountId fromWallet, AccountId toWallet, String note, Instant createdAt) {

    static Transfer of(com.ventusvault.payments.domain.Transfer transfer) {
        return new Transfer(transfer.id().toString(), transfer.kind(), transfer.status(), transfer.amount(),
                transfer.fee(), transfer.from(), transfer.to(), transfer.note(), transfer.createdAt());
    }
}
