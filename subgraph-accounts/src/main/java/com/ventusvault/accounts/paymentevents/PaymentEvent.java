package com.ventusvault.accounts.paymentevents;

import java.time.Instant;

/**
 * One row of payments' outbox.
 *
 * @param id      its position in the outbox (the consumer's offset)
 * @param type    {@code AuditRecorded}, {@code TransferStatusChanged}, {@code WalletBalanceChanged}, ...
 * @param payload the JSON payload; null for types the consumer does not read (not even fetched)
 * @param at      when payments wrote it (its transaction's start)
 */
record PaymentEvent(long id, String type, String payload, Instant at) {
}
