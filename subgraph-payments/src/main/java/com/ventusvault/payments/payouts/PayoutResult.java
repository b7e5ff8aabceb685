package com.ventusvault.payments.payouts;

import com.ventusvault.payments.domain.Rejection;
import com.ventusvault.payments.domain.Transfer;
import java.util.Optional;

/**
 * What {@code requestPayout} answers: the payout transfer (reserved, or FAILED when the account or the balance did
 * not check out), and the business refusal if any. A refusal without a transfer (unknown wallet, reused idempotency
 * key) wrote nothing.
 */
public record PayoutResult(Transfer transfer, Optional<Rejection> refusal) {

    static PayoutResult of(Transfer transfer) {
        return new PayoutResult(transfer, Optional.empty());
    }

    static PayoutResult refused(Transfer transfer, Rejection rejection) {
        return new PayoutResult(transfer, Optional.of(rejection));
    }

    static PayoutResult refused(Rejection rejection) {
        return new PayoutResult(null, Optional.of(rejection));
    }
}
