package com.ventusvault.accounts.profile;

import com.ventusvault.accounts.audit.AuditEvent;
import com.ventusvault.accounts.audit.AuditTrail;
import com.ventusvault.accounts.domain.Outcome;
import com.ventusvault.accounts.domain.ProfileUpdate;
import com.ventusvault.accounts.domain.User;
import com.ventusvault.accounts.domain.UserId;
import com.ventusvault.accounts.notifications.Message;
import com.ventusvault.accounts.notifications.NotificationChannel;
import com.ventusvault.accounts.notifications.NotificationKind;
import com.ventusvault.accounts.notifications.Notifier;
import com.ventusvault.accounts.persistence.UserChanges;
import com.ventusvault.platform.requests.RequestFacts;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * A user changing their own profile (name, phone, address). Records {@code user.profile.updated} with the names of
 * the fields that changed (never their values). A changed phone number also sends a SECURITY_ALERT email: login codes
 * go to that phone, so its owner must hear about a change they did not make.
 */
@Service
public class Profiles {

    private final UserChanges changes;
    private final AuditTrail audit;
    private final Notifier notifier;
    private final TransactionalOperator transactions;

    public Profiles(UserChanges changes, AuditTrail audit, Notifier notifier, ReactiveTransactionManager transactionManager) {
        this.changes = changes;
        this.audit = audit;
        this.notifier = notifier;
        this.transactions = TransactionalOperator.create(transactionManager);
    }

    /** Applies a checked update to the user's own profile; emits the user as stored now. */
    public Mono<Outcome<User>> update(UserId userId, ProfileUpdate update, RequestFacts facts) {
        return changes.lock(userId)
                .flatMap(before -> changes.updateProfile(userId, update)
                        .flatMap(after -> record(before, after, update, facts).thenReturn(Outcome.done(after))))
                .as(transactions::transactional);
    }

    private Mono<Void> record(User before, User after, ProfileUpdate update, RequestFacts facts) {
        if (update.changedFields().isEmpty()) {
            return Mono.empty();
        }
        UserId id = after.id();
        Mono<Void> audited = audit.record(new AuditEvent(id.value(), "user.profile.updated",
                AuditEvent.user(id.value()), Map.of("fields", update.changedFields())), facts);
        if (Objects.equals(before.phone(), after.phone())) {
            return audited;
        }
        return audited.then(notifier.notify(id, NotificationKind.SECURITY_ALERT, new Message(
                "Your VentusVault phone number was changed",
                after.phone() == null
                        ? "The phone number was removed from your account. If this was not you, contact support now."
                        : "Your account's phone number is now one ending in "
                                + after.phone().substring(after.phone().length() - 4)
                                + ". If this was not you, contact support now."), Set.of(NotificationChannel.EMAIL)));
    }
}
