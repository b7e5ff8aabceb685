package com.ventusvault.accounts.audit;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One action for the audit log.
 *
 * @param actorId who acted; null for the system or an anonymous caller
 * @param action  dotted verb, e.g. {@code auth.login.succeeded}, {@code user.kyc.changed}
 * @param target  what was acted on, e.g. {@code user:<uuid>}; may be null
 * @param details further facts (strings, numbers, booleans), stored as a JSON object; never secrets
 */
public record AuditEvent(UUID actorId, String action, String target, Map<String, Object> details) {

    public AuditEvent {
        Objects.requireNonNull(action, "action");
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    /** {@code user:<uuid>}, the target form for a user. */
    public static String user(UUID id) {
        return "user:" + id;
    }
}
