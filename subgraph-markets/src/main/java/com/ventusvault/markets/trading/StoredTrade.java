package com.ventusvault.markets.trading;

import java.time.Instant;
import java.util.UUID;

/**
 * A trade as stored: INITIATED until payments answered, then COMPLETED with its two ledger transfers (sell leg, buy
 * leg) or FAILED with payments' reason.
 */
public record StoredTrade(UUID id, UUID quoteId, UUID userId, String idempotencyKey, String status, UUID sellTransferId,
                          UUID buyTransferId, String failureCode, String failureMessage, Instant createdAt) {

    public boolean answered() {
        return !status.equals("INITIATED");
    }
}
