package com.ventusvault.payments.providers;

/** What a verified provider webhook says happened. */
public enum ProviderEventType {
    /** The payout reached the beneficiary (Paystack transfer.success, Flutterwave transfer.completed SUCCESSFUL). */
    PAYOUT_SUCCEEDED,
    /** The payout failed (Paystack transfer.failed, Flutterwave transfer.completed FAILED). */
    PAYOUT_FAILED,
    /** The payout was reversed after being reported (Paystack transfer.reversed). */
    PAYOUT_REVERSED,
    /** A deposit was paid (Paystack charge.success, Flutterwave charge.completed successful). */
    CHARGE_SUCCEEDED,
    /** A deposit failed (Flutterwave charge.completed failed). */
    CHARGE_FAILED
}
