package com.ventusvault.accounts.sessions;

import com.ventusvault.accounts.domain.Violation;
import java.util.List;

/** What registering or logging in produced: a session, or the business rules that stopped it. */
public sealed interface SignInResult {

    /** The user is signed in. */
    record SignedIn(Session session) implements SignInResult {
    }

    /** Nothing was created or signed; the violations say why. */
    record Refused(List<Violation> violations) implements SignInResult {
        public Refused {
            violations = List.copyOf(violations);
        }
    }
}
