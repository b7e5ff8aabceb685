package com.ventusvault.payments.graphql;

import com.ventusvault.payments.domain.Rejection;
import java.util.List;

/** A business failure of a mutation, returned as data ({@code userErrors}). */
public record UserError(String code, String message, List<String> field) {

    static UserError of(Rejection rejection) {
        return new UserError(rejection.code().name(), rejection.message(), rejection.field());
    }
}
