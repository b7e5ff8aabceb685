package com.ventusvault.payments.holds;

import com.ventusvault.payments.domain.TransferId;

/**
 * Published (as a Spring application event, after the expiry committed) when the sweep expires a PENDING hold past its
 * expiry: its money is released, and the transfer it belonged to (a payout) should move to EXPIRED.
 */
public record HoldExpired(HoldId hold, TransferId transfer) {
}
