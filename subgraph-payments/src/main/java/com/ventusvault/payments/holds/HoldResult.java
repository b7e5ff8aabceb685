package com.ventusvault.payments.holds;

import com.ventusvault.payments.domain.Rejection;

/** What {@link HoldService} did: the hold as it now is, or the business reason it did nothing. */
public sealed interface HoldResult {

    /** The hold was placed, posted or voided; this is its state after the change. */
    record Held(Hold hold) implements HoldResult {
    }

    /** Nothing changed: INSUFFICIENT_FUNDS, WALLET_NOT_FOUND, HOLD_EXPIRED or HOLD_ALREADY_RESOLVED. */
    record Refused(Rejection rejection) implements HoldResult {
    }
}
