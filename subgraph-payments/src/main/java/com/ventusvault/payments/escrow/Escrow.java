package com.ventusvault.payments.escrow;

import com.ventusvault.payments.domain.AccountId;
import com.ventusvault.payments.domain.Money;
import com.ventusvault.payments.domain.TransferId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An escrow as stored, with the owners of its two wallets (who may see and resolve it).
 *
 * @param payer      the user who owns {@code payerWallet}
 * @param payee      the user who owns {@code payeeWallet}
 * @param funding    the transfer that moved amount + fee from the payer's wallet into holding
 * @param resolution the transfer that released or refunded it; {@code null} while HELD
 */
public record Escrow(EscrowId id, EscrowStatus status, Money amount, Money fee, AccountId payerWallet, UUID payer,
                     AccountId payeeWallet, UUID payee, String description, Instant createdAt, Instant expiresAt,
                     Instant resolvedAt, TransferId funding, TransferId resolution) {

    public Escrow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(funding, "funding");
    }

    /** What the payer paid in and what a refund gives back: amount + fee. */
    public Money held() {
        return amount.plus(fee);
    }

    public boolean isParty(UUID user) {
        return user.equals(payer) || user.equals(payee);
    }

    /** Whether the escrow's time is up at {@code now} ({@code expiresAt} itself is already too late). */
    public boolean isDueAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
