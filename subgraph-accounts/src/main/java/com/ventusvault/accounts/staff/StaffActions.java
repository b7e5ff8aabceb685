package com.ventusvault.accounts.staff;

import com.ventusvault.accounts.audit.AuditEvent;
import com.ventusvault.accounts.audit.AuditTrail;
import com.ventusvault.accounts.domain.EmailAddress;
import com.ventusvault.accounts.domain.KycStatus;
import com.ventusvault.accounts.domain.Outcome;
import com.ventusvault.accounts.domain.Role;
import com.ventusvault.accounts.domain.User;
import com.ventusvault.accounts.domain.UserId;
import com.ventusvault.accounts.domain.Violation;
import com.ventusvault.accounts.persistence.UserChanges;
import com.ventusvault.accounts.persistence.UserRepository;
import com.ventusvault.accounts.sessions.SessionTokens;
import com.ventusvault.platform.errors.ApiException;
import com.ventusvault.platform.errors.ErrorCode;
import com.ventusvault.platform.requests.RequestFacts;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Staff operations on users. The caller's roles are read from the database, not from their access token, so a
 * demoted staff member's unexpired token opens nothing; a caller without the role gets FORBIDDEN (a GraphQL error,
 * not a user error: nothing about the request could make it succeed). Every change is recorded in the audit log.
 */
@Service
public class StaffActions {

    public static final int MAX_REASON_LENGTH = 500;

    private static final List<String> USER_ID = List.of("input", "userId");

    private final UserRepository users;
    private final UserChanges changes;
    private final AuditTrail audit;
    private final TransactionalOperator transactions;
    private final SessionTokens sessions;

    public StaffActions(UserRepository users, UserChanges changes, AuditTrail audit,
                        ReactiveTransactionManager transactionManager, SessionTokens sessions) {
        this.users = users;
        this.changes = changes;
        this.audit = audit;
        this.transactions = TransactionalOperator.create(transactionManager);
        this.sessions = sessions;
    }

    /** SUPPORT or ADMIN: the user with this login email, or empty. */
    public Mono<User> userByEmail(UserId caller, String email) {
        return require(caller, User::isStaff, "Only support staff may look users up by email")
                .then(users.findByEmail(EmailAddress.normalise(email)));
    }

    /** SUPPORT or ADMIN: sets another user's KYC status; a reason is required for REJECTED. */
    public Mono<Outcome<User>> setKycStatus(UserId caller, String userId, KycStatus status, String reason,
                                            RequestFacts facts) {
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        return require(caller, User::isStaff, "Only support staff may change KYC status")
                .then(Mono.defer(() -> {
                    UserId target = parse(userId, USER_ID);
                    if (target.equals(caller)) {
                        return refused(new Violation("CANNOT_CHANGE_OWN_KYC",
                                "Another member of staff must change your KYC status", USER_ID));
                    }
                    if (status == KycStatus.REJECTED && why == null) {
                        return refused(new Violation("REASON_REQUIRED", "Say why the verification is rejected",
                                List.of("input", "reason")));
                    }
                    if (why != null && why.codePointCount(0, why.length()) > MAX_REASON_LENGTH) {
                        return refused(new Violation("REASON_TOO_LONG",
                                "The reason must be at most " + MAX_REASON_LENGTH + " characters", List.of("input", "reason")));
                    }
                    return changes.lock(target)
                            .flatMap(before -> changes.setKycStatus(target, status).flatMap(after -> {
                                Map<String, Object> details = new HashMap<>(Map.of("from", before.kycStatus().name(),
                                        "to", status.name()));
                                if (why != null) {
                                    details.put("reason", why);
                                }
                                return audit.record(new AuditEvent(caller.value(), "user.kyc.changed",
                                        AuditEvent.user(target.value()), details), facts).thenReturn(Outcome.done(after));
                            }))
                            .switchIfEmpty(refused(userNotFound(USER_ID)))
                            .as(transactions::transactional);
                }));
    }

    /**
     * ADMIN: replaces a user's roles. CUSTOMER is always kept; an admin cannot remove ADMIN from themselves (so there
     * is always an admin who can undo a mistake). Removing a role also ends the user's sessions, so the roles in their
     * tokens catch up within one access-token lifetime.
     */
    public Mono<Outcome<User>> setRoles(UserId caller, String userId, Collection<Role> roles, RequestFacts facts) {
        List<String> field = List.of("userId");
        EnumSet<Role> wanted = EnumSet.of(Role.CUSTOMER);
        wanted.addAll(roles);
        List<Role> ordered = List.copyOf(wanted);
        return require(caller, user -> user.roles().contains(Role.ADMIN), "Only admins may change roles")
                .then(Mono.defer(() -> {
                    UserId target = parse(userId, field);
                    if (target.equals(caller) && !wanted.contains(Role.ADMIN)) {
                        return refused(new Violation("CANNOT_REMOVE_OWN_ADMIN",
                                "Another admin must remove your ADMIN role", List.of("roles")));
                    }
                    return changes.lock(target)
                            .flatMap(before -> {
                                boolean removes = !wanted.containsAll(before.roles());
                                return changes.setRoles(target, ordered)
                                        .flatMap(after -> (removes ? sessions.endEverySession(target) : Mono.<Void>empty())
                                                .thenReturn(after))
                                        .flatMap(after -> audit.record(new AuditEvent(caller.value(), "user.roles.changed",
                                                        AuditEvent.user(target.value()), Map.of(
                                                                "from", names(before.roles()), "to", names(ordered),
                                                                "sessionsEnded", removes)), facts)
                                                .thenReturn(Outcome.done(after)));
                            })
                            .switchIfEmpty(refused(userNotFound(field)))
                            .as(transactions::transactional);
                }));
    }

    private Mono<User> require(UserId caller, Predicate<User> allowed, String message) {
        return users.findById(caller)
                .filter(allowed)
                .switchIfEmpty(Mono.error(() -> new ApiException(ErrorCode.FORBIDDEN, message)));
    }

    private static UserId parse(String userId, List<String> field) {
        return UserId.parse(userId).orElseThrow(() -> new ApiException(ErrorCode.BAD_REQUEST,
                "userId must be a user id (a UUID)", field));
    }

    private static Violation userNotFound(List<String> field) {
        return new Violation("USER_NOT_FOUND", "No user has this id", field);
    }

    private static Mono<Outcome<User>> refused(Violation violation) {
        return Mono.just(Outcome.refused(violation));
    }

    private static List<String> names(Collection<Role> roles) {
        return roles.stream().sorted().map(Role::name).toList();
    }
}
