package com.ventusvault.accounts.graphql;

import com.ventusvault.accounts.domain.Outcome;
import com.ventusvault.accounts.domain.User;
import java.util.List;

/**
 * The {@code UserPayload} GraphQL type: the user as stored after the change, or the user errors that prevented it.
 *
 * @param ownedByCaller whether the caller proved to be this user without a token (verifyEmail's token holder), so the
 *                      user's private fields are theirs to see
 */
public record UserPayload(User user, List<UserError> userErrors, boolean ownedByCaller) {

    static UserPayload of(Outcome<User> outcome) {
        return of(outcome, false);
    }

    static UserPayload of(Outcome<User> outcome, boolean ownedByCaller) {
        return switch (outcome) {
            case Outcome.Done<User> done -> new UserPayload(done.value(), List.of(), ownedByCaller);
            case Outcome.Refused<User> refused -> new UserPayload(null,
                    refused.violations().stream().map(UserError::of).toList(), false);
        };
    }
}
