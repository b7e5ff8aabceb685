package com.ventusvault.accounts.audit;

import com.ventusvault.platform.errors.ApiException;
import java.time.Instant;
import java.util.UUID;

/**
 * Which entries {@code auditLog} returns; every part is optional and they combine with AND.
 *
 * @param actorId who acted
 * @param action  an exact action, or a prefix ending in '.' ({@code auth.} matches every {@code auth.*} action)
 * @param target  an exact target ({@code user:<uuid>}, {@code transfer:<uuid>}, ...)
 * @param since   entries at or after this instant
 * @param until   entries before this instant
 */
public record AuditLogFilter(UUID actorId, String action, String target, Instant since, Instant until) {

    /** No filter: the whole log. */
    public static final AuditLogFilter NONE = new AuditLogFilter(null, null, null, null, null);

    /** The filter as the client sent it; a malformed actor id is a BAD_REQUEST error naming the field. */
    public static AuditLogFilter of(Input input) {
        if (input == null) {
            return NONE;
        }
        UUID actor = null;
        if (input.actorId() != null) {
            try {
                actor = UUID.fromString(input.actorId().strip());
            } catch (IllegalArgumentException e) {
                throw ApiException.badInput("actorId is not a user id: " + input.actorId(), "filter", "actorId");
            }
        }
        String action = input.action() == null || input.action().isBlank() ? null : input.action().strip();
        String target = input.target() == null || input.target().isBlank() ? null : input.target().strip();
        if (input.since() != null && input.until() != null && !input.since().isBefore(input.until())) {
            throw ApiException.badInput("since must be before until", "filter", "since");
        }
        return new AuditLogFilter(actor, action, target, input.since(), input.until());
    }

    /** Whether {@link #action} is a prefix ({@code auth.}) rather than one exact action. */
    public boolean actionIsPrefix() {
        return action != null && action.endsWith(".");
    }

    /** {@code AuditLogFilter} as bound from GraphQL. */
    public record Input(String actorId, String action, String target, Instant since, Instant until) {
    }
}
