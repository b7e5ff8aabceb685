package com.ventusvault.payments.escrow;

import com.ventusvault.payments.domain.Rejection;

/**
 * The result of an escrow mutation: the escrow (created, resolved, or replayed), or the business reason the request
 * was refused, with the escrow when the caller may see it (e.g. ESCROW_EXPIRED carries the now expired escrow).
 */
public sealed interface EscrowOutcome {

    record Done(Escrow escrow) implements EscrowOutcome {
    }

    /** @param escrow the escrow as it now is, or {@code null} when there is none the caller may see */
    record Refused(Rejection rejection, Escrow escrow) implements EscrowOutcome {
    }
}
