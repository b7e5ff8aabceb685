package com.ventusvault.accounts.audit;

import com.ventusvault.platform.requests.RequestFacts;
import io.r2dbc.postgresql.codec.Json;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends actions to the audit log ({@code audit_log}), with the request id and client IP of the request that did
 * them. Runs in the caller's transaction when called inside one: an action that rolls back leaves no entry, and an
 * entry that cannot be written fails the action (an unaudited security action must not happen).
 */
@Service
public class AuditTrail {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DatabaseClient database;

    public AuditTrail(DatabaseClient database) {
        this.database = database;
    }

    public Mono<Void> record(AuditEvent event, RequestFacts request) {
        var spec = database.sql("insert into audit_log (actor_id, action, target, request_id, ip, details) "
                        + "values (:actor, :action, :target, :requestId, :ip, :details)")
                .bind("action", event.action())
                .bind("requestId", request.requestId())
                .bind("details", Json.of(JSON.writeValueAsString(event.details())));
        spec = event.actorId() == null ? spec.bindNull("actor", java.util.UUID.class) : spec.bind("actor", event.actorId());
        spec = event.target() == null ? spec.bindNull("target", String.class) : spec.bind("target", event.target());
        spec = request.clientIp() == null ? spec.bindNull("ip", String.class) : spec.bind("ip", request.clientIp());
        return spec.fetch().rowsUpdated().then();
    }
}
