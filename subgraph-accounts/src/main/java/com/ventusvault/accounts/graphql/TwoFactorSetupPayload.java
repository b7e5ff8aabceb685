package com.ventusvault.accounts.graphql;

import com.ventusvault.accounts.twofactor.SetupOffer;
import com.ventusvault.accounts.twofactor.TwoFactorOutcome;
import java.util.List;

/** The {@code TwoFactorSetupPayload} GraphQL type. */
public record TwoFactorSetupPayload(String otpauthUri, String secret, List<UserError> userErrors) {

    static TwoFactorSetupPayload of(TwoFactorOutcome<SetupOffer> outcome) {
        return switch (outcome) {
            case TwoFactorOutcome.Done<SetupOffer> done ->
                    new TwoFactorSetupPayload(done.value().otpauthUri(), done.value().secret(), List.of());
            case TwoFactorOutcome.Refused<SetupOffer> refused ->
                    new TwoFactorSetupPayload(null, null, List.of(UserError.of(refused.violation())));
        };
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "TwoFactorSetupPayload[userErrors=" + userErrors + "]";
    }
}
