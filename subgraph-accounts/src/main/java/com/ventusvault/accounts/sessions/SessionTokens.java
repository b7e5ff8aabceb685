package com.ventusvault.accounts.sessions;

import com.ventusvault.accounts.audit.AuditEvent;
import com.ventusvault.accounts.audit.AuditTrail;
import com.ventusvault.accounts.credentials.RandomSecrets;
import com.ventusvault.accounts.credentials.SecretDigest;
import com.ventusvault.accounts.domain.User;
import com.ventusvault.accounts.domain.UserId;
import com.ventusvault.accounts.domain.Violation;
import com.ventusvault.accounts.notifications.Message;
import com.ventusvault.accounts.notifications.NotificationKind;
import com.ventusvault.accounts.notifications.Notifier;
import com.ventusvault.accounts.persistence.UserRepository;
import com.ventusvault.accounts.tokens.AccessTokenIssuer;
import com.ventusvault.accounts.tokens.IssuedToken;
import com.ventusvault.platform.requests.RequestFacts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Opens, renews and ends sessions. A login opens a family; each {@link #refresh} accepts the family's current refresh
 * token once and replaces it. A token presented again after its exchange means two parties hold the family (a stolen
 * token): the whole family is revoked, the attempt is audited ({@code auth.refresh.reuse_detected}) and the user is
 * alerted. Two concurrent exchanges of one token are treated the same way: only one can be the rightful holder.
 */
@Service
public class SessionTokens {

    static final Violation INVALID_REFRESH_TOKEN = new Violation("INVALID_REFRESH_TOKEN",
            "The refresh token is invalid, expired or already used; sign in again", List.of("refreshToken"));

    private final RefreshTokenStore store;
    private final UserRepository users;
    private final AccessTokenIssuer accessTokens;
    private final RandomSecrets random;
    private final Notifier notifier;
    private final AuditTrail audit;
    private final TransactionalOperator transactions;
    private final Clock clock;
    private final Duration refreshTtl;

    public SessionTokens(RefreshTokenStore store, UserRepository users, AccessTokenIssuer accessTokens,
                         RandomSecrets random, Notifier notifier, AuditTrail audit, TransactionalOperator transactions,
                         Clock clock, SessionProperties properties) {
        this.store = store;
        this.users = users;
        this.accessTokens = accessTokens;
        this.random = random;
        this.notifier = notifier;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
        this.refreshTtl = properties.refreshTtl();
    }

    /** Opens a new family for the user and its first session; joins the caller's transaction. */
    public Mono<Session> open(User user) {
        UUID family = UUID.randomUUID();
        return store.openFamily(family, user.id(), clock.instant()).then(Mono.defer(() -> issue(family, user)));
    }

    /** Exchanges a refresh token for a new session in the same family, or refuses with INVALID_REFRESH_TOKEN. */
    public Mono<SignInResult> refresh(String refreshToken, RequestFacts facts) {
        Mono<SignInResult> exchange = store.findByDigest(digest(refreshToken))
                .flatMap(token -> {
                    Instant now = clock.instant();
                    if (token.usedAt() != null) {
                        return reuseDetected(token, facts);
                    }
                    if (!token.familyAlive() || token.expiredAt(now)) {
                        return invalid();
                    }
                    return store.markUsed(token.id(), now).flatMap(won -> !won
                            ? reuseDetected(token, facts)
                            : users.findById(token.userId())
                                    .flatMap(user -> issue(token.familyId(), user))
                                    .map(session -> (SignInResult) new SignInResult.SignedIn(session))
                                    .switchIfEmpty(Mono.defer(SessionTokens::invalid)));
                })
                .switchIfEmpty(Mono.defer(SessionTokens::invalid));
        return transactions.transactional(exchange);
    }

    /** Ends the family of this refresh token; true when it was open (a session could still be renewed). */
    public Mono<Boolean> logout(String refreshToken, RequestFacts facts) {
        Mono<Boolean> end = store.findByDigest(digest(refreshToken))
                .flatMap(token -> {
                    boolean open = token.familyAlive() && !(token.usedAt() == null && token.expiredAt(clock.instant()));
                    return store.revokeFamily(token.familyId(), clock.instant(), "LOGOUT")
                            .flatMap(revoked -> !(revoked && open) ? Mono.just(false)
                                    : audit.record(new AuditEvent(token.userId().value(), "auth.logout",
                                            AuditEvent.user(token.userId().value()), Map.of("scope", "session")), facts)
                                            .thenReturn(true));
                })
                .defaultIfEmpty(false);
        return transactions.transactional(end);
    }

    /** Ends every session of the user (every family, including ones started elsewhere). */
    public Mono<Void> logoutEverywhere(UserId user, RequestFacts facts) {
        return transactions.transactional(store.revokeAll(user, clock.instant(), "LOGOUT_EVERYWHERE")
                .flatMap(open -> audit.record(new AuditEvent(user.value(), "auth.logout", AuditEvent.user(user.value()),
                        Map.of("scope", "everywhere", "sessionsEnded", open)), facts)));
    }

    /**
     * Ends every session of the user, for flows that record their own audit entry (password change or reset):
     * sets {@code users.sessions_revoked_at} to the app clock's now, the instant every later refresh compares family
     * start times with. Joins the caller's transaction.
     */
    public Mono<Void> endEverySession(UserId user) {
        return store.revokeAll(user, clock.instant(), "SESSIONS_REVOKED").then();
    }

    private Mono<SignInResult> reuseDetected(StoredRefreshToken token, RequestFacts facts) {
        UUID user = token.userId().value();
        return store.revokeFamily(token.familyId(), clock.instant(), "REUSE_DETECTED")
                .flatMap(revoked -> audit.record(new AuditEvent(null, "auth.refresh.reuse_detected", AuditEvent.user(user),
                                Map.of("family", token.familyId().toString(), "familyWasOpen", revoked)), facts)
                        .then(revoked ? notifier.notify(token.userId(), NotificationKind.SECURITY_ALERT, new Message(
                                "A session of yours was ended", "Someone presented an old sign-in token of your "
                                + "VentusVault account, so that session was ended everywhere. If you did not just sign "
                                + "in again, change your password.")) : Mono.empty()))
                .then(invalid());
    }

    private Mono<Session> issue(UUID family, User user) {
        Instant now = clock.instant();
        String refreshToken = random.token();
        Instant refreshExpiresAt = now.plus(refreshTtl);
        IssuedToken access = accessTokens.issue(user, now);
        return store.insert(family, digest(refreshToken), now, refreshExpiresAt)
                .thenReturn(new Session(access.accessToken(), access.expiresAt(), refreshToken, refreshExpiresAt, user));
    }

    private static Mono<SignInResult> invalid() {
        return Mono.just(new SignInResult.Refused(List.of(INVALID_REFRESH_TOKEN)));
    }

    private static byte[] digest(String refreshToken) {
        return SecretDigest.of("refresh:" + refreshToken);
    }
}
