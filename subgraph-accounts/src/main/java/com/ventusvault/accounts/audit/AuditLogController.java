package com.ventusvault.accounts.audit;

import com.ventusvault.accounts.domain.Role;
import com.ventusvault.accounts.domain.User;
import com.ventusvault.accounts.domain.UserId;
import com.ventusvault.accounts.persistence.UserRepository;
import com.ventusvault.platform.errors.ApiException;
import com.ventusvault.platform.errors.ErrorCode;
import com.ventusvault.platform.security.Viewer;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * {@code Query.auditLog}: ADMIN only, also when accounts is called directly without the gateway (which checks the
 * {@code audit:read} scope first). Anyone else gets FORBIDDEN, anonymous callers UNAUTHENTICATED. Actors resolve to
 * {@code User} in one query per page.
 */
@Controller
class AuditLogController {

    /** The largest page {@code first} may ask for. */
    static final int MAX_PAGE = 100;

    private final AuditLog log;
    private final UserRepository users;

    AuditLogController(AuditLog log, UserRepository users) {
        this.log = log;
        this.users = users;
    }

    @QueryMapping
    Mono<AuditEntryPage> auditLog(@Argument AuditLogFilter.Input filter, @Argument Integer first,
                                  @Argument String after, Viewer viewer) {
        if (!viewer.hasRole(Role.ADMIN.name())) {
            throw new ApiException(ErrorCode.FORBIDDEN, "The audit log is for ADMIN only");
        }
        int size = first == null ? 50 : first;
        if (size < 1 || size > MAX_PAGE) {
            throw ApiException.badInput("first must be 1 to " + MAX_PAGE + ", got " + size, "first");
        }
        Long before = after == null ? null : AuditCursor.decode(after);
        return log.page(AuditLogFilter.of(filter), size, before);
    }

    @SchemaMapping(typeName = "AuditEntry", field = "id")
    String id(AuditEntry entry) {
        return Long.toString(entry.id());
    }

    @SchemaMapping(typeName = "AuditEntry", field = "at")
    Instant at(AuditEntry entry) {
        return entry.at();
    }

    /** The actors of a page in one query; null for system or anonymous entries. */
    @BatchMapping(typeName = "AuditEntry", field = "actor")
    Mono<Map<AuditEntry, User>> actor(List<AuditEntry> entries) {
        List<UserId> ids = entries.stream().map(AuditEntry::actorId).filter(Objects::nonNull).distinct()
                .map(UserId::new).toList();
        return users.findAllById(ids).collectMap(user -> user.id().value(), Function.identity()).map(found -> {
            Map<AuditEntry, User> byEntry = new HashMap<>();
            for (AuditEntry entry : entries) {
                UUID actor = entry.actorId();
                if (actor != null && found.containsKey(actor)) {
                    byEntry.put(entry, found.get(actor));
                }
            }
            return byEntry;
        });
    }
}
