package com.ventusvault.accounts.passwords;

import com.ventusvault.accounts.audit.AuditEvent;
import com.ventusvault.accounts.audit.AuditTrail;
import com.ventusvault.accounts.credentials.PasswordHasher;
import com.ventusvault.accounts.domain.EmailAddress;
import com.ventusvault.accounts.domain.Outcome;
import com.ventusvault.accounts.domain.PasswordRules;
import com.ventusvault.accounts.domain.UserId;
import com.ventusvault.accounts.domain.Violation;
import com.ventusvault.accounts.notifications.Message;
import com.ventusvault.accounts.notifications.NotificationChannel;
import com.ventusvault.accounts.notifications.NotificationKind;
import com.ventusvault.accounts.notifications.Notifier;
import com.ventusvault.accounts.persistence.AuditCounts;
import com.ventusvault.accounts.persistence.UserChanges;
import com.ventusvault.accounts.persistence.UserRepository;
import com.ventusvault.accounts.sessions.SessionTokens;
import com.ventusvault.accounts.verification.IdentityProperties;
import com.ventusvault.accounts.verification.OneTimeTokens;
import com.ventusvault.accounts.verification.Redemption;
import com.ventusvault.accounts.verification.TokenPurpose;
import com.ventusvault.platform.requests.RequestFacts;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Changing a password (knowing the current one; after 5 wrong ones in 15 minutes, TOO_MANY_ATTEMPTS) and resetting a forgotten one (with a token mailed to the login
 * email, single use, valid {@code reset-ttl}, 30 minutes by default). Both end every session of the user
 * ({@code SessionTokens.endEverySession}: refresh tokens stop working), close any open reset tokens, record {@code auth.password.changed} or
 * {@code auth.password.reset} and send a SECURITY_ALERT email, so an owner who did not do it finds out.
 */
@Service
public class Passwords {

    private static final Logger log = LoggerFactory.getLogger(Passwords.class);

    /** Wrong current passwords allowed in changePassword per {@link #GUESS_WINDOW}, before TOO_MANY_ATTEMPTS. */
    static final int MAX_WRONG_GUESSES = 5;
    static final Duration GUESS_WINDOW = Duration.ofMinutes(15);
    private static final String CHANGE_REFUSED = "auth.password.change_refused";
    private static final List<String> NEW_PASSWORD = List.of("input", "newPassword");
    private static final List<String> TOKEN = List.of("input", "token");

    private final UserRepository users;
    private final UserChanges changes;
    private final PasswordHasher hasher;
    private final OneTimeTokens tokens;
    private final Notifier notifier;
    private final AuditTrail audit;
    private final AuditCounts auditCounts;
    private final SessionTokens sessions;
    private final IdentityProperties properties;
    private final TransactionalOperator transactions;
    private final Clock clock;

    public Passwords(UserRepository users, UserChanges changes, PasswordHasher hasher, OneTimeTokens tokens,
                     Notifier notifier, AuditTrail audit, AuditCounts auditCounts, SessionTokens sessions, IdentityProperties properties,
                     ReactiveTransactionManager transactionManager, Clock clock) {
        this.users = users;
        this.changes = changes;
        this.hasher = hasher;
        this.tokens = tokens;
        this.notifier = notifier;
        this.audit = audit;
        this.auditCounts = auditCounts;
        this.sessions = sessions;
        this.properties = properties;
        this.transactions = TransactionalOperator.create(transactionManager);
        this.clock = clock;
    }

    /** The signed-in user sets a new password, proving they know the current one. */
    public Mono<Outcome<UserId>> change(UserId user, String currentPassword, String newPassword, RequestFacts facts) {
        var broken = PasswordRules.check(newPassword, NEW_PASSWORD);
        if (broken.isPresent()) {
            return Mono.just(Outcome.refused(broken.get()));
        }
        // A stolen access token must not become a way to guess the password: few wrong guesses, then a pause.
        return auditCounts.countRecent(CHANGE_REFUSED, AuditEvent.user(user.value()), GUESS_WINDOW)
                .flatMap(wrong -> wrong >= MAX_WRONG_GUESSES
                        ? Mono.just(Outcome.<UserId>refused(new Violation("TOO_MANY_ATTEMPTS",
                                "Too many wrong passwords; try again in " + GUESS_WINDOW.toMinutes() + " minutes",
                                List.of("input", "currentPassword"))))
                        : check(user, currentPassword, newPassword, facts));
    }

    private Mono<Outcome<UserId>> check(UserId user, String currentPassword, String newPassword, RequestFacts facts) {
        return users.findPasswordHash(user)
                .flatMap(hash -> hasher.matches(currentPassword == null ? "" : currentPassword, hash))
                .flatMap(matches -> matches
                        ? replace(user, newPassword, "auth.password.changed", facts)
                        : audit.record(new AuditEvent(user.value(), CHANGE_REFUSED,
                                        AuditEvent.user(user.value()), Map.of("reason", "wrong current password")), facts)
                                .thenReturn(Outcome.<UserId>refused(new Violation("INVALID_CURRENT_PASSWORD",
                                        "The current password is incorrect", List.of("input", "currentPassword")))));
    }

    /**
     * Answers {@code true} at once, whatever the email, and mails a reset token afterwards if the email has an
     * account. The lookup and the mail run after the answer, off the request path, so neither the answer nor its
     * timing tells whether the email is registered. A failure there is logged; the user can ask again. At most
     * {@code mails-per-hour} reset emails go to one user per hour; further requests are answered the same and ignored.
     */
    public Mono<Boolean> requestReset(String email, RequestFacts facts) {
        String normalised = EmailAddress.normalise(email);
        if (EmailAddress.isValid(normalised)) {
            mailResetToken(normalised, facts).subscribe(null, error ->
                    log.warn("Mailing a password reset token failed (request {})", facts.requestId(), error));
        }
        return Mono.just(true);
    }

    Mono<Void> mailResetToken(String normalisedEmail, RequestFacts facts) {
        return users.findByEmail(normalisedEmail)
                .filterWhen(user -> tokens.issuedWithin(user.id(), TokenPurpose.PASSWORD_RESET, Duration.ofHours(1))
                        .map(sent -> {
                            if (sent >= properties.mailsPerHour()) {
                                log.info("Not mailing user {} another reset token: {} in the last hour", user.id(), sent);
                                return false;
                            }
                            return true;
                        }))
                .flatMap(user -> tokens.issue(user.id(), TokenPurpose.PASSWORD_RESET, properties.resetTtl())
                        .flatMap(token -> notifier.notify(user.id(), NotificationKind.PASSWORD_RESET,
                                resetMessage(user.displayName(), token), Set.of(NotificationChannel.EMAIL)))
                        .then(audit.record(new AuditEvent(null, "auth.password.reset_requested",
                                AuditEvent.user(user.id().value()), Map.of()), facts))
                        .as(transactions::transactional));
    }

    /** Sets a new password with a reset token. A refused new password leaves the token usable. */
    public Mono<Outcome<UserId>> reset(String token, String newPassword, RequestFacts facts) {
        var broken = PasswordRules.check(newPassword, NEW_PASSWORD);
        if (broken.isPresent()) {
            return Mono.just(Outcome.refused(broken.get()));
        }
        // Refuse a dead token before spending an Argon2 hash on it; redeeming below still decides races.
        return tokens.check(token, TokenPurpose.PASSWORD_RESET, TOKEN)
                .flatMap(forecast -> switch (forecast) {
                    case Redemption.Refused refused -> Mono.just(Outcome.<UserId>refused(refused.violation()));
                    case Redemption.Redeemed likely -> hasher.hash(newPassword)
                            .flatMap(hash -> redeemAndReplace(token, hash, facts));
                });
    }

    private Mono<Outcome<UserId>> redeemAndReplace(String token, String hash, RequestFacts facts) {
        return tokens.redeem(token, TokenPurpose.PASSWORD_RESET, TOKEN)
                .flatMap(redemption -> switch (redemption) {
                    case Redemption.Refused refused -> Mono.just(Outcome.<UserId>refused(refused.violation()));
                    // Reading the reset email proves the address, as verifyEmail would.
                    case Redemption.Redeemed redeemed -> changes.markEmailVerified(redeemed.user(), clock.instant())
                            .then(store(redeemed.user(), hash, "auth.password.reset", facts));
                })
                .as(transactions::transactional);
    }

    private Mono<Outcome<UserId>> replace(UserId user, String newPassword, String action, RequestFacts facts) {
        return hasher.hash(newPassword)
                .flatMap(hash -> store(user, hash, action, facts).as(transactions::transactional));
    }

    private Mono<Outcome<UserId>> store(UserId user, String hash, String action, RequestFacts facts) {
        return changes.replacePassword(user, hash)
                .then(sessions.endEverySession(user))
                .then(tokens.closeAll(user, TokenPurpose.PASSWORD_RESET))
                .then(audit.record(new AuditEvent(user.value(), action, AuditEvent.user(user.value()),
                        Map.of("sessionsEnded", true)), facts))
                .then(notifier.notify(user, NotificationKind.SECURITY_ALERT, new Message(
                        "Your VentusVault password was changed",
                        "Your password was just " + (action.endsWith("reset") ? "reset" : "changed")
                                + " and you were signed out everywhere. If this was not you, reset your password "
                                + "now and contact support."), Set.of(NotificationChannel.EMAIL)))
                .thenReturn(Outcome.done(user));
    }

    private Message resetMessage(String displayName, String token) {
        return new Message("Reset your VentusVault password", "Hello " + displayName + ",\n\n"
                + "Someone asked to reset the password of your VentusVault account. To choose a new one, open this "
                + "link within " + properties.resetTtl().toMinutes() + " minutes:\n"
                + properties.linkBase() + "/reset-password?token=" + token + "\n\n"
                + "Reset code: " + token + "\n\n"
                + "If you did not ask for this, ignore this email: your password stays as it is.");
    }
}
