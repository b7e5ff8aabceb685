package com.ventusvault.accounts.graphql;

import com.ventusvault.accounts.domain.Outcome;
import java.util.List;

/** The {@code ActionPayload} GraphQL type: whether the action happened, or the user errors that stopped it. */
public record ActionPayload(boolean ok, List<UserError> userErrors) {

    static ActionPayload of(Outcome<?> outcome) {
        return switch (outcome) {
            case Outcome.Done<?> done -> new ActionPayload(true, List.of());
            case Outcome.Refused<?> refused -> new ActionPayload(false,
                    refused.violations().stream().map(UserError::of).toList());
        };
    }
}
