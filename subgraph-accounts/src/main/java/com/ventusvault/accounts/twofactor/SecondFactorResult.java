package com.ventusvault.accounts.twofactor;

import com.ventusvault.accounts.domain.Violation;
import java.util.List;

/** What the second-factor check of a login found, after the password checked out. */
public sealed interface SecondFactorResult {

    /** The user has no two-factor auth: the password is enough. */
    record NotEnabled() implements SecondFactorResult {
    }

    /** Two-factor auth is on and no code came with the login. */
    record Missing() implements SecondFactorResult {
        public Violation violation() {
            return new Violation("TWO_FACTOR_REQUIRED",
                    "This account uses two-factor authentication: send the code from your authenticator app (or from "
                            + "sendLoginCode) as totpCode, or a recovery code as recoveryCode",
                    List.of("input", "totpCode"));
        }
    }

    /** A code was accepted (and used up); {@code method} is totp, sms_code or recovery_code. */
    record Passed(String method) implements SecondFactorResult {
    }

    /** The code given was wrong, expired or already used; {@code field} names the input it came in. */
    record Wrong(List<String> field) implements SecondFactorResult {
        public Wrong {
            field = List.copyOf(field);
        }

        public Violation violation() {
            return SecondFactor.invalidCode(field);
        }
    }
}
