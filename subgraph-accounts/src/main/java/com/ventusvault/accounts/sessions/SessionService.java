package com.ventusvault.accounts.sessions;

import com.ventusvault.accounts.credentials.PasswordHasher;
import com.ventusvault.accounts.domain.EmailAddress;
import com.ventusvault.accounts.domain.Registration;
import com.ventusvault.accounts.domain.User;
import com.ventusvault.accounts.domain.UserId;
import com.ventusvault.accounts.domain.Violation;
import com.ventusvault.accounts.persistence.UserRepository;
import com.ventusvault.accounts.tokens.AccessTokenIssuer;
import com.ventusvault.accounts.tokens.IssuedToken;
import com.ventusvault.accounts.verification.EmailVerification;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Opens accounts and signs users in. Both end in a {@link Session}; business failures (taken email, weak password,
 * wrong credentials) are {@link SignInResult.Refused}, never exceptions.
 */
@Service
public class SessionService {

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final AccessTokenIssuer tokens;
    private final Clock clock;

    private final EmailVerification verification;
    private final TransactionalOperator transactions;

    public SessionService(UserRepository users, PasswordHasher hasher, AccessTokenIssuer tokens, Clock clock,
                          EmailVerification verification, ReactiveTransactionManager transactionManager) {
        this.users = users;
        this.hasher = hasher;
        this.tokens = tokens;
        this.clock = clock;
        this.verification = verification;
        this.transactions = TransactionalOperator.create(transactionManager);
    }

    /** Creates a CUSTOMER with KYC status PENDING, emails them a verification token and signs them in. */
    public Mono<SignInResult> register(String email, String password, String displayName, String phone) {
        return switch (Registration.validate(email, password, displayName, phone)) {
            case Registration.Invalid invalid -> Mono.just(new SignInResult.Refused(invalid.violations()));
            case Registration.Valid valid -> store(valid.registration());
        };
    }

    private Mono<SignInResult> store(Registration registration) {
        // The early lookup only saves a hash for the common case; the unique constraint is what decides races.
        return users.findIdByEmail(registration.email())
                .map(taken -> (SignInResult) refused(Violation.emailTaken()))
                .switchIfEmpty(Mono.defer(() -> hasher.hash(registration.password())
                        // The user and their verification email commit together, or neither does.
                        .flatMap(hash -> users.insert(UserId.random(), registration, hash)
                                .flatMap(verification::start)
                                .as(transactions::transactional))
                        .map(this::signedIn)
                        .defaultIfEmpty(refused(Violation.emailTaken()))));
    }

    /**
     * Checks the password and signs the user in. An unknown email and a wrong password give the same answer and
     * cost the same hash, so the response does not tell whether an account exists.
     */
    public Mono<SignInResult> login(String email, String password) {
        return users.findCredentialsByEmail(EmailAddress.normalise(email))
                .flatMap(stored -> hasher.matches(password, stored.passwordHash())
                        .map(matches -> matches ? signedIn(stored.user()) : refused(Violation.invalidCredentials())))
                .switchIfEmpty(Mono.defer(() -> hasher.matchesNothing(password)
                        .map(ignored -> refused(Violation.invalidCredentials()))));
    }

    private SignInResult signedIn(User user) {
        IssuedToken token = tokens.issue(user, clock.instant());
        return new SignInResult.SignedIn(new Session(token.accessToken(), token.expiresAt(), user));
    }

    private static SignInResult refused(Violation violation) {
        return new SignInResult.Refused(List.of(violation));
    }
}
