package com.ventusvault.payments.domain;

/**
 * The result of asking to move money: the transfer (freshly posted, or the original one when the idempotency key was
 * replayed with the same request), or the business reason nothing moved.
 */
public sealed interface TransferOutcome {

    record Posted(Transfer transfer) implements TransferOutcome {
    }

    record Replayed(Transfer transfer) implements TransferOutcome {
    }

    record Refused(Rejection rejection) implements TransferOutcome {
    }
}
