package com.ventusvault.accounts.verification;

import com.ventusvault.accounts.domain.UserId;
import com.ventusvault.accounts.domain.Violation;
import java.util.List;

/** What presenting a mailed token gave: the user it was issued to, or why it does not work. */
public sealed interface Redemption {

    /** The token was open and unexpired; it is now used (closed). */
    record Redeemed(UserId user) implements Redemption {
    }

    /** The token does not work: unknown, already used, replaced, expired, or of another purpose. */
    record Refused(Violation violation) implements Redemption {
    }

    /** No token with this value and purpose, or it was used or replaced. */
    static Refused invalid(List<String> field) {
        return new Refused(new Violation("INVALID_TOKEN", "This link is not valid; it may have been used already or "
                + "replaced by a newer one", field));
    }

    /** The token was never used but its time ran out. */
    static Refused expired(List<String> field) {
        return new Refused(new Violation("TOKEN_EXPIRED", "This link has expired; ask for a new one", field));
    }
}
