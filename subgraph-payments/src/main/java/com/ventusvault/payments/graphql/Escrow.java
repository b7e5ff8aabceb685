package com.ventusvault.payments.graphql;

import com.ventusvault.payments.domain.AccountId;
import com.ventusvault.payments.domain.Money;
import com.ventusvault.payments.domain.TransferId;
import com.ventusvault.payments.escrow.EscrowStatus;
import java.time.Instant;

/**
 * An {@code Escrow} as GraphQL serves it (named like the schema type so federation resolves {@code _Entity} to it);
 * {@code payer}, {@code payee}, {@code funding} and {@code resolution} are resolved by {@link EscrowController}.
 */
public record Escrow(String id, EscrowStatus status, Money amount, Money fee, AccountId payerWallet,
                     AccountId payeeWallet, String description, Instant createdAt, Instant expiresAt, Instant resolvedAt,
                     TransferId fundingId, TransferId resolutionId) {

    static Escrow of(com.ventusvault.payments.escrow.Escrow escrow) {
        return new Escrow(escrow.id().toString(), escrow.status(), escrow.amount(), escrow.fee(), escrow.payerWallet(),
                escrow.payeeWallet(), escrow.description(), escrow.createdAt(), escrow.expiresAt(), escrow.resolvedAt(),
                escrow.funding(), escrow.resolution());
    }
}
