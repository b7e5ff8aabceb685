package com.ventusvault.accounts.twofactor;

import com.ventusvault.accounts.audit.AuditEvent;
import com.ventusvault.accounts.audit.AuditTrail;
import com.ventusvault.accounts.credentials.RandomSecrets;
import com.ventusvault.accounts.credentials.SecretDigest;
import com.ventusvault.accounts.domain.UserId;
import com.ventusvault.accounts.domain.Violation;
import com.ventusvault.accounts.notifications.Message;
import com.ventusvault.accounts.notifications.NotificationChannel;
import com.ventusvault.accounts.notifications.NotificationKind;
import com.ventusvault.accounts.notifications.Notifier;
import com.ventusvault.platform.requests.RequestFacts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Checks the second factor of a sign-in: a TOTP code (each time step accepted once), a one-time SMS login code
 * ({@link #sendLoginCode}) or a recovery code (each accepted once). Writes join the caller's transaction.
 */
@Service
public class SecondFactor {

    /** How long an SMS login code stays valid. */
    public static final Duration LOGIN_CODE_TTL = Duration.ofMinutes(5);

    private final TwoFactorStore store;
    private final RandomSecrets random;
    private final Notifier notifier;
    private final AuditTrail audit;
    private final Clock clock;

    public SecondFactor(TwoFactorStore store, RandomSecrets random, Notifier notifier, AuditTrail audit, Clock clock) {
        this.store = store;
        this.random = random;
        this.notifier = notifier;
        this.audit = audit;
        this.clock = clock;
    }

    /** The INVALID_TWO_FACTOR_CODE user error for the input at {@code field}. */
    public static Violation invalidCode(List<String> field) {
        return new Violation("INVALID_TWO_FACTOR_CODE", "The code is wrong, expired or already used", field);
    }

    /**
     * The second-factor step of a login whose password checked out. A recovery code, when given, is what is checked;
     * otherwise {@code totpCode} may be a TOTP code or the SMS login code.
     */
    public Mono<SecondFactorResult> check(UserId user, String totpCode, String recoveryCode, RequestFacts facts) {
        return store.find(user).filter(TwoFactorState::enabled)
                .flatMap(state -> {
                    if (!isBlank(recoveryCode)) {
                        return useRecoveryCode(user, recoveryCode, facts);
                    }
                    if (isBlank(totpCode)) {
                        return Mono.just((SecondFactorResult) new SecondFactorResult.Missing());
                    }
                    String code = totpCode.strip();
                    return useTotp(user, state, code).flatMap(totp -> totp
                            ? Mono.just((SecondFactorResult) new SecondFactorResult.Passed("totp"))
                            : store.useLoginCode(user, loginCodeDigest(user, code), clock.instant())
                                    .map(sms -> sms ? new SecondFactorResult.Passed("sms_code")
                                            : new SecondFactorResult.Wrong(List.of("input", "totpCode"))));
                })
                .defaultIfEmpty(new SecondFactorResult.NotEnabled());
    }

    /** Whether {@code code} is a current TOTP code for the enabled secret, not used before (it is used up now). */
    Mono<Boolean> acceptsCurrentCode(UserId user, String code) {
        return store.find(user).filter(TwoFactorState::enabled)
                .flatMap(state -> useTotp(user, state, code == null ? "" : code.strip()))
                .defaultIfEmpty(false);
    }

    /** Whether {@code code} is an unused recovery code of the user (it is used up now). */
    Mono<Boolean> acceptsRecoveryCode(UserId user, String code) {
        return isBlank(code) ? Mono.just(false)
                : store.useRecoveryCode(user, RecoveryCodes.digest(code), clock.instant());
    }

    /**
     * Texts a fresh login code to the user's phone when two-factor auth is on and there is a phone; emits whether it
     * did. The caller has checked the password and must not tell the client which way this went.
     */
    public Mono<Boolean> sendLoginCode(UserId user, String phone, RequestFacts facts) {
        if (phone == null) {
            return Mono.just(false);
        }
        return store.find(user).filter(TwoFactorState::enabled)
                .flatMap(state -> {
                    String code = random.digits(Totp.STANDARD.digits());
                    Instant expiresAt = clock.instant().plus(LOGIN_CODE_TTL);
                    return store.saveLoginCode(user, loginCodeDigest(user, code), expiresAt)
                            .then(notifier.notify(user, NotificationKind.TWO_FACTOR_CODE,
                                    new Message("Your VentusVault sign-in code", "Your VentusVault sign-in code is "
                                            + code + ". It expires in 5 minutes. Never share it with anyone."),
                                    Set.of(NotificationChannel.SMS)))
                            .then(audit.record(new AuditEvent(user.value(), "auth.2fa.code_sent",
                                    AuditEvent.user(user.value()), Map.of("channel", "SMS")), facts))
                            .thenReturn(true);
                })
                .defaultIfEmpty(false);
    }

    /** The users among {@code ids} who have two-factor auth on. */
    public Flux<UUID> enabledAmong(Collection<UUID> ids) {
        return store.enabledAmong(ids);
    }

    private Mono<Boolean> useTotp(UserId user, TwoFactorState state, String code) {
        OptionalLong step = Totp.STANDARD.matchingStep(state.secret(), code, clock.instant());
        return step.isPresent() ? store.useStep(user, step.getAsLong()) : Mono.just(false);
    }

    private Mono<SecondFactorResult> useRecoveryCode(UserId user, String code, RequestFacts facts) {
        return acceptsRecoveryCode(user, code).flatMap(used -> !used
                ? Mono.just((SecondFactorResult) new SecondFactorResult.Wrong(List.of("input", "recoveryCode")))
                : store.recoveryCodesLeft(user).flatMap(left -> audit.record(new AuditEvent(user.value(),
                                "auth.2fa.recovery_code_used", AuditEvent.user(user.value()), Map.of("codesLeft", left)),
                                facts)
                        .then(notifier.notify(user, NotificationKind.SECURITY_ALERT, new Message(
                                "A recovery code was used to sign in", "A recovery code was just used to sign in to "
                                + "your VentusVault account. You have " + left + " left. If this was not you, "
                                + "change your password now.")))
                        .thenReturn((SecondFactorResult) new SecondFactorResult.Passed("recovery_code"))));
    }

    private static byte[] loginCodeDigest(UserId user, String code) {
        return SecretDigest.of("login-code:" + user.value() + ":" + code);
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
