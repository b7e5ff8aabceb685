package com.ventusvault.accounts.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One stored line of the audit log, as {@code auditLog} returns it.
 *
 * @param id       position in the log (ascending with time of writing); the paging cursor
 * @param actorId  who acted; null for the system or an anonymous caller
 * @param source   the subgraph that recorded it: {@code accounts}, or {@code payments} (copied from its outbox)
 * @param details  the details as JSON object text; null when there are none
 */
public record AuditEntry(long id, Instant at, UUID actorId, String action, String target, String requestId, String ip,
                         String source, String details) {
}
