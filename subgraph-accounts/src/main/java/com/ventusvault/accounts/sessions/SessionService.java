package com.ventusvault.accounts.sessions;

import com.ventusvault.accounts.audit.AuditEvent;
import com.ventusvault.accounts.audit.AuditTrail;
import com.ventusvault.accounts.credentials.AccountLockout;
import com.ventusvault.accounts.credentials.LoginThrottle;
import com.ventusvault.accounts.credentials.PasswordHasher;
import com.ventusvault.accounts.credentials.Throttled;
import com.ventusvault.accounts.domain.EmailAddress;
import com.ventusvault.accounts.domain.Registration;
import com.ventusvault.accounts.domain.User;
import com.ventusvault.accounts.domain.UserId;
import com.ventusvault.accounts.domain.Violation;
import com.ventusvault.accounts.persistence.StoredCredentials;
import com.ventusvault.accounts.persistence.UserRepository;
import com.ventusvault.accounts.twofactor.SecondFactor;
import com.ventusvault.accounts.twofactor.SecondFactorResult;
import com.ventusvault.accounts.verification.EmailVerification;
import com.ventusvault.platform.requests.RequestFacts;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Opens accounts and signs users in. Both end in a {@link Session}; business failures (taken email, weak password,
 * wrong credentials, throttling, lockout, a missing or wrong second factor) are {@link SignInResult.Refused}, never
 * exceptions.
 *
 * <p>A login runs: throttle (per account and client IP, before any hash is computed), lockout check, password (an
 * unknown email and a locked account cost the same hash as a wrong password), second factor, then one transaction
 * that records the outcome: the failure count, the audit entry, a NEW_DEVICE_LOGIN notice, the new session.
 */
@Service
public class SessionService {

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final SessionTokens sessions;
    private final LoginThrottle throttle;
    private final AccountLockout lockout;
    private final SecondFactor secondFactor;
    private final NewDeviceAlerts devices;
    private final AuditTrail audit;
    private final TransactionalOperator transactions;
    private final EmailVerification verification;

    public SessionService(UserRepository users, PasswordHasher hasher, SessionTokens sessions, LoginThrottle throttle,
                          AccountLockout lockout, SecondFactor secondFactor, NewDeviceAlerts devices, AuditTrail audit,
                          TransactionalOperator transactions, EmailVerification verification) {
        this.users = users;
        this.hasher = hasher;
        this.sessions = sessions;
        this.throttle = throttle;
        this.lockout = lockout;
        this.secondFactor = secondFactor;
        this.devices = devices;
        this.audit = audit;
        this.transactions = transactions;
        this.verification = verification;
    }

    /**
     * Creates a CUSTOMER with KYC status PENDING, emails them a verification token and signs them in (the device is
     * remembered, not announced).
     */
    public Mono<SignInResult> register(String email, String password, String displayName, String phone,
                                       RequestFacts facts) {
        return switch (Registration.validate(email, password, displayName, phone)) {
            case Registration.Invalid invalid -> Mono.just(new SignInResult.Refused(invalid.violations()));
            case Registration.Valid valid -> store(valid.registration(), facts);
        };
    }

    private Mono<SignInResult> store(Registration registration, RequestFacts facts) {
        // The early lookup only saves a hash for the common case; the unique constraint is what decides races.
        return users.findIdByEmail(registration.email())
                .map(taken -> (SignInResult) refused(Violation.emailTaken()))
                .switchIfEmpty(Mono.defer(() -> hasher.hash(registration.password())
                        // One transaction: the user, their verification email and the session commit together. A
                        // taken email is no error inside it (the insert says "on conflict do nothing"), so the race
                        // is still decided by the unique constraint without aborting the transaction.
                        .flatMap(hash -> transactions.transactional(users.insert(UserId.random(), registration, hash)
                                .flatMap(verification::start)
                                .flatMap(user -> devices.rememberQuietly(user, facts).then(sessions.open(user)))))
                        .map(session -> (SignInResult) new SignInResult.SignedIn(session))
                        .defaultIfEmpty(refused(Violation.emailTaken()))));
    }

    /**
     * Checks the password (and the second factor, once enabled) and signs the user in. An unknown email and a wrong
     * password give the same answer and cost the same hash, and unknown emails are throttled and locked like real
     * ones, so the responses do not tell whether an account exists.
     */
    public Mono<SignInResult> login(Credentials credentials, RequestFacts facts) {
        String email = EmailAddress.normalise(credentials.email());
        return throttle.attempt(email, facts.clientIp()).flatMap(throttled -> throttled.isPresent()
                ? throttledLogin(email, throttled.get(), facts)
                : account(email).flatMap(stored -> lockout.remaining(email).flatMap(locked -> {
                    User user = stored.map(StoredCredentials::user).orElse(null);
                    if (locked.isPresent()) {
                        return hasher.matchesNothing(credentials.password())
                                .then(failed(user, email, "locked", facts, AccountLockout.locked(locked.get())));
                    }
                    if (user == null) {
                        return hasher.matchesNothing(credentials.password()).then(transactions.transactional(
                                failure(null, email, "unknown_account", facts, Violation.invalidCredentials())));
                    }
                    return hasher.matches(credentials.password(), stored.get().passwordHash()).flatMap(matches -> matches
                            ? transactions.transactional(secondStep(user, credentials, facts))
                            : transactions.transactional(failure(user, email, "wrong_password", facts,
                                    Violation.invalidCredentials())));
                })));
    }

    private Mono<SignInResult> secondStep(User user, Credentials credentials, RequestFacts facts) {
        return secondFactor.check(user.id(), credentials.totpCode(), credentials.recoveryCode(), facts)
                .flatMap(result -> switch (result) {
                    case SecondFactorResult.NotEnabled ignored -> succeeded(user, "password", facts);
                    case SecondFactorResult.Passed passed -> succeeded(user, passed.method(), facts);
                    case SecondFactorResult.Missing missing ->
                            failed(user, user.email(), "two_factor_required", facts, missing.violation());
                    case SecondFactorResult.Wrong wrong ->
                            failure(user, user.email(), "wrong_second_factor", facts, wrong.violation());
                });
    }

    /**
     * For a user with two-factor auth and a phone, texts a login code when the password is right. Emits the throttle
     * refusal, if any; otherwise empty whatever the credentials, so it tells a caller nothing about them.
     */
    public Mono<Optional<Throttled>> sendLoginCode(String rawEmail, String password, RequestFacts facts) {
        String email = EmailAddress.normalise(rawEmail);
        return throttle.attempt(email, facts.clientIp()).flatMap(throttled -> throttled.isPresent()
                ? throttledLogin(email, throttled.get(), facts).thenReturn(throttled)
                : account(email).flatMap(stored -> lockout.remaining(email).flatMap(locked -> {
                    if (locked.isPresent() || stored.isEmpty()) {
                        return hasher.matchesNothing(password);
                    }
                    User user = stored.get().user();
                    return hasher.matches(password, stored.get().passwordHash()).flatMap(matches -> matches
                            ? transactions.transactional(secondFactor.sendLoginCode(user.id(), user.phone(), facts))
                            : transactions.transactional(failure(user, email, "wrong_password_for_login_code", facts,
                                    Violation.invalidCredentials())).thenReturn(false));
                })).thenReturn(Optional.empty()));
    }

    private Mono<Optional<StoredCredentials>> account(String email) {
        return users.findCredentialsByEmail(email).map(Optional::of).defaultIfEmpty(Optional.empty());
    }

    private Mono<SignInResult> succeeded(User user, String method, RequestFacts facts) {
        return lockout.recordSuccess(user.email())
                .then(devices.rememberAndAlert(user, facts))
                .flatMap(newDevice -> audit.record(new AuditEvent(user.id().value(), "auth.login.succeeded",
                        AuditEvent.user(user.id().value()), Map.of("method", method, "newDevice", newDevice)), facts))
                .then(sessions.open(user))
                .map(SignInResult.SignedIn::new);
    }

    /** A failure that counts towards the lockout; the one that locks answers ACCOUNT_LOCKED. */
    private Mono<SignInResult> failure(User user, String email, String reason, RequestFacts facts, Violation violation) {
        return lockout.recordFailure(email, user == null ? null : user.id(), facts).flatMap(locked -> failed(user,
                email, reason, facts, locked ? AccountLockout.locked(lockout.duration()) : violation));
    }

    /** Audits a refused login ({@code auth.login.failed}); the email is recorded only when no account has it. */
    private Mono<SignInResult> failed(User user, String email, String reason, RequestFacts facts, Violation violation) {
        UUID id = user == null ? null : user.id().value();
        Map<String, Object> details = user == null ? Map.of("reason", reason, "email", email) : Map.of("reason", reason);
        return audit.record(new AuditEvent(id, "auth.login.failed", id == null ? null : AuditEvent.user(id), details),
                facts).thenReturn(refused(violation));
    }

    private Mono<SignInResult> throttledLogin(String email, Throttled throttled, RequestFacts facts) {
        return audit.record(new AuditEvent(null, "auth.login.throttled", null,
                        Map.of("email", email, "retryAfterSeconds", throttled.seconds())), facts)
                .thenReturn(refused(throttled.violation()));
    }

    private static SignInResult refused(Violation violation) {
        return new SignInResult.Refused(List.of(violation));
    }
}
