package com.ventusvault.accounts.twofactor;

import com.ventusvault.accounts.audit.AuditEvent;
import com.ventusvault.accounts.audit.AuditTrail;
import com.ventusvault.accounts.credentials.AccountLockout;
import com.ventusvault.accounts.credentials.LoginThrottle;
import com.ventusvault.accounts.credentials.PasswordHasher;
import com.ventusvault.accounts.credentials.RandomSecrets;
import com.ventusvault.accounts.domain.UserId;
import com.ventusvault.accounts.domain.Violation;
import com.ventusvault.accounts.notifications.Message;
import com.ventusvault.accounts.notifications.NotificationKind;
import com.ventusvault.accounts.notifications.Notifier;
import com.ventusvault.accounts.persistence.UserRepository;
import com.ventusvault.platform.requests.RequestFacts;
import com.ventusvault.platform.security.Viewer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Turning TOTP two-factor auth on and off for the signed-in user, and replacing recovery codes. Nothing is enabled
 * until the user proves their app holds the offered secret. Every step that checks a code or password is throttled
 * like login (per account and client IP) and refused while the account is locked; wrong passwords and codes count
 * towards the lockout, so a stolen access token cannot be used to guess the second factor or the password.
 */
@Service
public class TwoFactorSetup {

    private static final String ISSUER = "VentusVault";

    private final TwoFactorStore store;
    private final SecondFactor secondFactor;
    private final LoginThrottle throttle;
    private final AccountLockout lockout;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final RandomSecrets random;
    private final Notifier notifier;
    private final AuditTrail audit;
    private final TransactionalOperator transactions;
    private final Clock clock;

    public TwoFactorSetup(TwoFactorStore store, SecondFactor secondFactor, LoginThrottle throttle,
                          AccountLockout lockout, UserRepository users, PasswordHasher hasher, RandomSecrets random,
                          Notifier notifier, AuditTrail audit, TransactionalOperator transactions, Clock clock) {
        this.store = store;
        this.secondFactor = secondFactor;
        this.throttle = throttle;
        this.lockout = lockout;
        this.users = users;
        this.hasher = hasher;
        this.random = random;
        this.notifier = notifier;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Offers a new secret (160 random bits); refused when two-factor auth is already on. */
    public Mono<TwoFactorOutcome<SetupOffer>> begin(Viewer viewer) {
        UserId user = new UserId(viewer.userId());
        return store.find(user).map(TwoFactorState::enabled).defaultIfEmpty(false).flatMap(enabled -> {
            if (enabled) {
                return Mono.just(new TwoFactorOutcome.Refused<>(alreadyEnabled()));
            }
            byte[] secret = random.bytes(20);
            String base32 = Base32.encode(secret);
            return store.offer(user, secret).thenReturn(new TwoFactorOutcome.Done<>(new SetupOffer(uri(viewer.email(),
                    base32), base32)));
        });
    }

    /** Enables two-factor auth with a current code for the offered secret; emits the new recovery codes. */
    public Mono<TwoFactorOutcome<List<String>>> confirm(Viewer viewer, String code, RequestFacts facts) {
        UserId user = new UserId(viewer.userId());
        return guarded(viewer, facts, () -> store.find(user)
                .flatMap(state -> confirm(user, state, code, facts))
                .switchIfEmpty(Mono.defer(() -> refused(notStarted()))));
    }

    private Mono<TwoFactorOutcome<List<String>>> confirm(UserId user, TwoFactorState state, String code,
                                                         RequestFacts facts) {
        if (state.enabled()) {
            return refused(alreadyEnabled());
        }
        if (state.pendingSecret() == null) {
            return refused(notStarted());
        }
        OptionalLong step = Totp.STANDARD.matchingStep(state.pendingSecret(), code == null ? "" : code.strip(),
                clock.instant());
        if (step.isEmpty()) {
            return refused(SecondFactor.invalidCode(List.of("code")));
        }
        return store.enable(user, state.pendingSecret(), step.getAsLong(), clock.instant())
                .flatMap(enabled -> enabled
                        ? newRecoveryCodes(user, "auth.2fa.enabled", facts, "Two-factor authentication is on",
                                "Two-factor authentication was turned on for your VentusVault account.")
                        : refused(alreadyEnabled()));
    }

    /** Turns two-factor auth off; needs the password and a current code or a recovery code. */
    public Mono<TwoFactorOutcome<Boolean>> disable(Viewer viewer, String password, String code, RequestFacts facts) {
        UserId user = new UserId(viewer.userId());
        return guarded(viewer, facts, () -> enabled(user).flatMap(enabled -> !enabled
                ? refused(notEnabled())
                : passwordMatches(viewer, password).flatMap(passwordOk -> !passwordOk
                        ? failure(viewer, facts, new Violation("INVALID_CREDENTIALS", "The password is incorrect",
                                List.of("input", "password")))
                        : secondFactor.acceptsCurrentCode(user, code)
                                .flatMap(ok -> ok ? Mono.just(true) : secondFactor.acceptsRecoveryCode(user, code))
                                .flatMap(codeOk -> !codeOk
                                        ? failure(viewer, facts, SecondFactor.invalidCode(List.of("input", "code")))
                                        : store.remove(user)
                                                .then(audit.record(event(user, "auth.2fa.disabled"), facts))
                                                .then(notifier.notify(user, NotificationKind.SECURITY_ALERT, new Message(
                                                        "Two-factor authentication is off", "Two-factor authentication "
                                                        + "was turned off for your VentusVault account. If this was "
                                                        + "not you, change your password now.")))
                                                .thenReturn(new TwoFactorOutcome.Done<>(true))))));
    }

    /** Replaces the recovery codes; needs a current TOTP code. */
    public Mono<TwoFactorOutcome<List<String>>> regenerate(Viewer viewer, String code, RequestFacts facts) {
        UserId user = new UserId(viewer.userId());
        return guarded(viewer, facts, () -> enabled(user).flatMap(enabled -> !enabled
                ? refused(notEnabled())
                : secondFactor.acceptsCurrentCode(user, code).flatMap(ok -> ok
                        ? newRecoveryCodes(user, "auth.2fa.recovery_codes_regenerated", facts,
                                "New recovery codes", "New recovery codes were made for your VentusVault account; "
                                        + "the old ones no longer work.")
                        : failure(viewer, facts, SecondFactor.invalidCode(List.of("code"))))));
    }

    /** Throttle (own transaction), then the lockout check and {@code action} in one transaction. */
    private <T> Mono<TwoFactorOutcome<T>> guarded(Viewer viewer, RequestFacts facts,
                                                   Supplier<Mono<TwoFactorOutcome<T>>> action) {
        UserId user = new UserId(viewer.userId());
        return throttle.attempt(viewer.email(), facts.clientIp()).flatMap(throttled -> throttled.isPresent()
                ? refused(throttled.get().violation())
                : transactions.transactional(lockout.remaining(viewer.email()).flatMap(locked -> locked.isPresent()
                        ? refused(AccountLockout.locked(locked.get()))
                        : action.get())));
    }

    private <T> Mono<TwoFactorOutcome<T>> failure(Viewer viewer, RequestFacts facts, Violation violation) {
        return lockout.recordFailure(viewer.email(), new UserId(viewer.userId()), facts)
                .flatMap(locked -> refused(locked ? AccountLockout.locked(lockout.duration()) : violation));
    }

    private Mono<TwoFactorOutcome<List<String>>> newRecoveryCodes(UserId user, String action, RequestFacts facts,
                                                                   String subject, String text) {
        RecoveryCodes codes = RecoveryCodes.generate(random);
        return store.replaceRecoveryCodes(user, codes.digests())
                .then(audit.record(event(user, action), facts))
                .then(notifier.notify(user, NotificationKind.SECURITY_ALERT, new Message(subject, text)))
                .thenReturn(new TwoFactorOutcome.Done<>(codes.codes()));
    }

    private Mono<Boolean> passwordMatches(Viewer viewer, String password) {
        return users.findCredentialsByEmail(viewer.email())
                .filter(stored -> stored.user().id().value().equals(viewer.userId()))
                .flatMap(stored -> hasher.matches(password == null ? "" : password, stored.passwordHash()))
                .switchIfEmpty(Mono.defer(() -> hasher.matchesNothing(password == null ? "" : password)));
    }

    private Mono<Boolean> enabled(UserId user) {
        return store.find(user).map(TwoFactorState::enabled).defaultIfEmpty(false);
    }

    private static AuditEvent event(UserId user, String action) {
        return new AuditEvent(user.value(), action, AuditEvent.user(user.value()), Map.of());
    }

    private static <T> Mono<TwoFactorOutcome<T>> refused(Violation violation) {
        return Mono.just(new TwoFactorOutcome.Refused<>(violation));
    }

    private static Violation alreadyEnabled() {
        return new Violation("TWO_FACTOR_ALREADY_ENABLED", "Two-factor authentication is already on", List.of());
    }

    private static Violation notStarted() {
        return new Violation("TWO_FACTOR_SETUP_NOT_STARTED", "Call beginTwoFactorSetup first", List.of());
    }

    private static Violation notEnabled() {
        return new Violation("TWO_FACTOR_NOT_ENABLED", "Two-factor authentication is not on", List.of());
    }

    /** {@code otpauth://totp/VentusVault:<email>?secret=...&issuer=VentusVault&algorithm=SHA1&digits=6&period=30}. */
    static String uri(String email, String base32Secret) {
        String label = encode(ISSUER + ":" + email).replace("%3A", ":");
        return "otpauth://totp/" + label + "?secret=" + base32Secret + "&issuer=" + ISSUER
                + "&algorithm=SHA1&digits=" + Totp.STANDARD.digits() + "&period=" + Totp.STANDARD.periodSeconds();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
