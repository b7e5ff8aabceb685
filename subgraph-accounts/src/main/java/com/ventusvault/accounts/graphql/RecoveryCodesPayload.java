package com.ventusvault.accounts.graphql;

import com.ventusvault.accounts.twofactor.TwoFactorOutcome;
import java.util.List;

/** The {@code RecoveryCodesPayload} GraphQL type. */
public record RecoveryCodesPayload(List<String> recoveryCodes, List<UserError> userErrors) {

    static RecoveryCodesPayload of(TwoFactorOutcome<List<String>> outcome) {
        return switch (outcome) {
            case TwoFactorOutcome.Done<List<String>> done -> new RecoveryCodesPayload(done.value(), List.of());
            case TwoFactorOutcome.Refused<List<String>> refused ->
                    new RecoveryCodesPayload(null, List.of(UserError.of(refused.violation())));
        };
    }

    /** Never prints the codes. */
    @Override
    public String toString() {
        return "RecoveryCodesPayload[userErrors=" + userErrors + "]";
    }
}
