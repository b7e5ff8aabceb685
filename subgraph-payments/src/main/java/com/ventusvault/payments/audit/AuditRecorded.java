package com.ventusvault.payments.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox event of one audited action ({@code event_type = 'AuditRecorded'}, aggregate = its target). Payload:
 * {@code {actorId, action, target, requestId, ip, at, details}}, the shape accounts' audit log copies.
 *
 * @param action  dotted, lower case, under {@code payments.}: e.g. {@code payments.transfer.sent}
 * @param target  what was acted on: {@code transfer:<uuid>}, {@code escrow:<uuid>}
 * @param details strings, numbers and booleans (amounts as strings); never secrets
 */
public record AuditRecorded(AuditOrigin origin, String action, String target, Instant at, Map<String, Object> details) {

    /** The outbox's aggregate type of audit events. */
    public static final String AGGREGATE_TYPE = "Audit";
    /** The outbox's event type of audit events. */
    public static final String EVENT_TYPE = "AuditRecorded";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public AuditRecorded {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(at, "at");
        if (!action.startsWith("payments.")) {
            throw new IllegalArgumentException("Payments audit actions start with 'payments.', got " + action);
        }
        // Nulls are dropped (Map.copyOf refuses them); the order of the caller's map is kept for readability.
        Map<String, Object> copy = new LinkedHashMap<>();
        (details == null ? Map.<String, Object>of() : details).forEach((key, value) -> {
            if (value != null) {
                copy.put(key, value instanceof Number || value instanceof Boolean ? value : value.toString());
            }
        });
        details = java.util.Collections.unmodifiableMap(copy);
    }

    /** The outbox payload, as JSON text. */
    public String payload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("actorId", origin.actorId() == null ? null : origin.actorId().toString());
        payload.put("action", action);
        payload.put("target", target);
        payload.put("requestId", origin.requestId());
        payload.put("ip", origin.ip());
        payload.put("at", at.toString());
        payload.put("details", details);
        return JSON.writeValueAsString(payload);
    }
}
