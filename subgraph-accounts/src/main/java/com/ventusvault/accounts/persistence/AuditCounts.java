package com.ventusvault.accounts.persistence;

import java.time.Duration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Counts recorded actions in {@code audit_log}, for limits that depend on what a user did lately (e.g. wrong current
 * passwords in changePassword). Reads only: the log itself is written by {@code AuditTrail}.
 */
@Repository
public class AuditCounts {

    private final DatabaseClient database;

    public AuditCounts(DatabaseClient database) {
        this.database = database;
    }

    /**
     * How many entries with this action and target were recorded within the last {@code window}, measured by the
     * database clock, which is the one that stamps {@code audit_log.at}.
     */
    public Mono<Long> countRecent(String action, String target, Duration window) {
        return database.sql("select count(*) from audit_log where target = :target and action = :action "
                        + "and at > now() - make_interval(secs => :seconds)")
                .bind("target", target).bind("action", action).bind("seconds", (double) window.toSeconds())
                .map(row -> row.get(0, Long.class)).one();
    }
}
