package com.ventusvault.payments.persistence;

import com.ventusvault.payments.domain.Transfer;
import java.util.UUID;

/**
 * A transfer as stored: the transfer, the fingerprint of the request that created it (for idempotent replays), and
 * the owners of its wallets (who, besides the initiator, may see it).
 */
public record StoredTransfer(Transfer transfer, String fingerprint, UUID fromOwner, UUID toOwner) {

    /** Whether the user initiated the transfer or owns one of its wallets. */
    public boolean isParty(UUID userId) {
        return userId.equals(transfer.initiator()) || userId.equals(fromOwner) || userId.equals(toOwner);
    }
}
