package com.ventusvault.accounts.audit;

import java.util.List;

/** A page of the audit log, newest first; {@code endCursor} continues after its last entry. */
public record AuditEntryPage(List<AuditEntry> nodes, String endCursor, boolean hasNextPage) {

    public AuditEntryPage {
        nodes = List.copyOf(nodes);
    }
}
