package com.ventusvault.accounts.graphql;

import com.ventusvault.accounts.domain.Violation;
import java.util.List;

/** The {@code UserError} GraphQL type: a business failure returned as data. */
public record UserError(String code, String message, List<String> field) {

    static UserError of(Violation violation) {
        return new UserError(violation.code(), violation.message(),
                violation.field().isEmpty() ? null : violation.field());
    }
}
