package com.ventusvault.accounts.graphql;

import com.ventusvault.accounts.sessions.Session;
import com.ventusvault.accounts.sessions.SignInResult;
import java.util.List;

/** The {@code AuthPayload} GraphQL type: a session, or the user errors that prevented one. */
public record AuthPayload(Session session, List<UserError> userErrors) {

    static AuthPayload of(SignInResult result) {
        return switch (result) {
            case SignInResult.SignedIn signedIn -> new AuthPayload(signedIn.session(), List.of());
            case SignInResult.Refused refused -> new AuthPayload(null,
                    refused.violations().stream().map(UserError::of).toList());
        };
    }
}
