package com.ventusvault.payments.holds;

import com.ventusvault.payments.domain.AccountId;
import com.ventusvault.payments.domain.Money;
import com.ventusvault.payments.domain.TransferId;
import java.time.Instant;
import java.util.Objects;

/**
 * A reservation of {@code amount} on a wallet for a transfer. While PENDING it counts in the wallet's {@code held}
 * (the wallet cannot spend it); it is resolved at most once: POSTED ({@code posted} at most {@code amount}, the rest
 * released), VOIDED or EXPIRED (all released).
 *
 * @param posted     what was posted, only when POSTED
 * @param resolvedAt when it stopped being PENDING
 * @param reason     why it was voided or expired, if given
 */
public record Hold(HoldId id, TransferId transfer, AccountId account, Money amount, HoldStatus status, Money posted,
                   Instant expiresAt, Instant createdAt, Instant resolvedAt, String reason) {

    public Hold {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(transfer, "transfer");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Whether the hold is PENDING but past its expiry at {@code now}. */
    public boolean isExpiredAt(Instant now) {
        return status == HoldStatus.PENDING && !now.isBefore(expiresAt);
    }
}
