package com.ventusvault.payments.outbox;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * One committed row of {@code outbox_event}.
 *
 * @param aggregateType {@code Wallet} or {@code Transfer} (what the event is about)
 * @param type          {@code WalletBalanceChanged}, {@code TransferStatusChanged}, {@code AuditRecorded}, ...
 * @param createdAt     the time of the transaction that wrote it
 */
public record OutboxEvent(long id, String aggregateType, String aggregateId, String type, JsonNode payload,
                          Instant createdAt) {
}
