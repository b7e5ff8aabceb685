package com.ventusvault.accounts.graphql;

import com.ventusvault.accounts.domain.Outcome;
import com.ventusvault.accounts.domain.Violation;
import java.util.List;

/** The {@code ActionPayload} GraphQL type: whether the action happened, or the user errors that stopped it. */
public record ActionPayload(boolean ok, List<UserError> userErrors) {

    static ActionPayload done() {
        return new ActionPayload(true, List.of());
    }

    static ActionPayload refused(Violation violation) {
        return new ActionPayload(false, List.of(UserError.of(violation)));
    }

    static ActionPayload of(Outcome<?> outcome) {
        return switch (outcome) {
            case Outcome.Done<?> done -> done();
            case Outcome.Refused<?> refused -> new ActionPayload(false,
                    refused.violations().stream().map(UserError::of).toList());
        };
    }
}
