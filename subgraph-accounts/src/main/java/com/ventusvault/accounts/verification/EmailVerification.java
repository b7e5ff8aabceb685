package com.ventusvault.accounts.verification;

import com.ventusvault.accounts.audit.AuditEvent;
import com.ventusvault.accounts.audit.AuditTrail;
import com.ventusvault.accounts.domain.EmailAddress;
import com.ventusvault.accounts.domain.Outcome;
import com.ventusvault.accounts.domain.User;
import com.ventusvault.accounts.domain.UserId;
import com.ventusvault.accounts.domain.Violation;
import com.ventusvault.accounts.notifications.Message;
import com.ventusvault.accounts.notifications.NotificationChannel;
import com.ventusvault.accounts.notifications.NotificationKind;
import com.ventusvault.accounts.notifications.Notifier;
import com.ventusvault.accounts.persistence.UserChanges;
import com.ventusvault.accounts.persistence.UserRepository;
import com.ventusvault.platform.requests.RequestFacts;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Proves a user reads their login email: a single-use token (valid {@code verification-ttl}, 24 hours by default)
 * mailed at registration and on request, redeemed by {@code verifyEmail}. Only the newest token works. The emails in
 * {@code pre-verified-emails} (the demo stack's users) are verified at registration without a token.
 */
@Service
@EnableConfigurationProperties(IdentityProperties.class)
public class EmailVerification {

    private static final List<String> TOKEN_FIELD = List.of("token");

    private final OneTimeTokens tokens;
    private final UserRepository users;
    private final UserChanges changes;
    private final Notifier notifier;
    private final AuditTrail audit;
    private final IdentityProperties properties;
    private final Set<String> preVerified;
    private final TransactionalOperator transactions;
    private final Clock clock;

    public EmailVerification(OneTimeTokens tokens, UserRepository users, UserChanges changes, Notifier notifier,
                             AuditTrail audit, IdentityProperties properties, ReactiveTransactionManager transactionManager,
                             Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.changes = changes;
        this.notifier = notifier;
        this.audit = audit;
        this.properties = properties;
        this.preVerified = properties.preVerifiedEmails().stream()
                .map(EmailAddress::normalise).collect(Collectors.toUnmodifiableSet());
        this.transactions = TransactionalOperator.create(transactionManager);
        this.clock = clock;
    }

    /**
     * For a user just registered: mails a verification token, or marks a pre-verified email verified. Runs in the
     * caller's transaction (the registration's), so a failed mail queueing undoes the registration rather than leave
     * an account nobody was told how to verify. Emits the user as stored now.
     */
    public Mono<User> start(User user) {
        if (preVerified.contains(user.email())) {
            return changes.markEmailVerified(user.id(), clock.instant());
        }
        return mail(user).thenReturn(user);
    }

    /** Redeems a verification token: the user it was mailed to now has a verified email. */
    public Mono<Outcome<User>> verify(String token, RequestFacts facts) {
        return tokens.redeem(token, TokenPurpose.EMAIL_VERIFICATION, TOKEN_FIELD)
                .flatMap(redemption -> switch (redemption) {
                    case Redemption.Refused refused -> Mono.just(Outcome.<User>refused(refused.violation()));
                    case Redemption.Redeemed redeemed -> changes.markEmailVerified(redeemed.user(), clock.instant())
                            .flatMap(user -> audit.record(new AuditEvent(user.id().value(), "auth.email.verified",
                                            AuditEvent.user(user.id().value()), Map.of("email", user.email())), facts)
                                    .thenReturn(Outcome.done(user)));
                })
                .as(transactions::transactional);
    }

    /**
     * Mails the signed-in user a fresh token; older ones stop working. Refused when the email is verified already, or
     * when {@code mails-per-hour} verification emails went out in the last hour.
     */
    public Mono<Outcome<UserId>> resend(UserId userId) {
        return users.findById(userId)
                .flatMap(user -> {
                    if (user.emailVerified()) {
                        return Mono.just(Outcome.<UserId>refused(new Violation("EMAIL_ALREADY_VERIFIED",
                                "Your email address is verified already", List.of())));
                    }
                    return tokens.issuedWithin(userId, TokenPurpose.EMAIL_VERIFICATION, Duration.ofHours(1))
                            .flatMap(sent -> sent >= properties.mailsPerHour()
                                    ? Mono.just(Outcome.<UserId>refused(new Violation("TOO_MANY_REQUESTS",
                                            "Too many verification emails were sent in the last hour; use the newest "
                                                    + "one or try again later", List.of())))
                                    : mail(user).thenReturn(Outcome.done(user.id())));
                })
                .as(transactions::transactional);
    }

    private Mono<Void> mail(User user) {
        return tokens.issue(user.id(), TokenPurpose.EMAIL_VERIFICATION, properties.verificationTtl())
                .flatMap(token -> notifier.notify(user.id(), NotificationKind.EMAIL_VERIFICATION, message(user, token),
                        Set.of(NotificationChannel.EMAIL)));
    }

    private Message message(User user, String token) {
        long hours = properties.verificationTtl().toHours();
        return new Message("Confirm your VentusVault email address", "Hello " + user.displayName() + ",\n\n"
                + "Confirm that this is your email address by opening this link within "
                + (hours >= 1 ? hours + " hours" : properties.verificationTtl().toMinutes() + " minutes") + ":\n"
                + properties.linkBase() + "/verify-email?token=" + token + "\n\n"
                + "Verification code: " + token + "\n\n"
                + "If you did not open a VentusVault account, ignore this email.");
    }
}
