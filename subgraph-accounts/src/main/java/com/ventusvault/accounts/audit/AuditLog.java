package com.ventusvault.accounts.audit;

import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Reads the audit log: one keyset query per page, newest first. Each filter maps onto an index
 * ({@code audit_log_by_actor}, {@code _by_action}, {@code _by_target}, {@code _newest}).
 */
@Repository
public class AuditLog {

    private final DatabaseClient database;

    public AuditLog(DatabaseClient database) {
        this.database = database;
    }

    /** Up to {@code first} entries matching {@code filter} with ids below {@code before} (null: from the newest). */
    public Mono<AuditEntryPage> page(AuditLogFilter filter, int first, Long before) {
        List<String> conditions = new ArrayList<>();
        if (before != null) {
            conditions.add("id < :before");
        }
        if (filter.actorId() != null) {
            conditions.add("actor_id = :actor");
        }
        if (filter.action() != null) {
            // A prefix is matched with LIKE on the escaped text (text_pattern_ops index), so '_' and '%' are literal.
            conditions.add(filter.actionIsPrefix() ? "action like :action escape '\\'" : "action = :action");
        }
        if (filter.target() != null) {
            conditions.add("target = :target");
        }
        if (filter.since() != null) {
            conditions.add("at >= :since");
        }
        if (filter.until() != null) {
            conditions.add("at < :until");
        }
        String sql = "select id, at, actor_id, action, target, request_id, ip, source, details::text as details "
                + "from audit_log " + (conditions.isEmpty() ? "" : "where " + String.join(" and ", conditions) + " ")
                + "order by id desc limit :limit";
        DatabaseClient.GenericExecuteSpec spec = database.sql(sql).bind("limit", first + 1);
        if (before != null) {
            spec = spec.bind("before", before);
        }
        if (filter.actorId() != null) {
            spec = spec.bind("actor", filter.actorId());
        }
        if (filter.action() != null) {
            spec = spec.bind("action", filter.actionIsPrefix()
                    ? filter.action().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
                    : filter.action());
        }
        if (filter.target() != null) {
            spec = spec.bind("target", filter.target());
        }
        if (filter.since() != null) {
            spec = spec.bind("since", filter.since().atOffset(ZoneOffset.UTC));
        }
        if (filter.until() != null) {
            spec = spec.bind("until", filter.until().atOffset(ZoneOffset.UTC));
        }
        return spec.map(AuditLog::toEntry).all().collectList().map(rows -> {
            boolean more = rows.size() > first;
            List<AuditEntry> nodes = more ? rows.subList(0, first) : rows;
            String end = nodes.isEmpty() ? null : AuditCursor.encode(nodes.get(nodes.size() - 1).id());
            return new AuditEntryPage(nodes, end, more);
        });
    }

    private static AuditEntry toEntry(Readable row) {
        return new AuditEntry(row.get("id", Long.class), row.get("at", OffsetDateTime.class).toInstant(),
                row.get("actor_id", UUID.class), row.get("action", String.class), row.get("target", String.class),
                row.get("request_id", String.class), row.get("ip", String.class), row.get("source", String.class),
                row.get("details", String.class));
    }
}
