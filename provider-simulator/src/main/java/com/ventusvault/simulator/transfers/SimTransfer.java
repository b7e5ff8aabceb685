package com.ventusvault.simulator.transfers;

import com.ventusvault.simulator.Provider;
import java.time.Instant;

/**
 * A payout held by one simulated provider. Amounts are in kobo (Paystack's unit; Flutterwave shows naira).
 *
 * @param failure why it failed (FAILED only), else empty
 */
public record SimTransfer(Provider provider, long id, String code, String reference, long amountKobo, String bankCode,
                          String accountNumber, String accountName, String narration, Status status, String failure,
                          Instant createdAt, Instant updatedAt) {

    /** A transfer's life: queued, then exactly one of succeeded / failed; a success may later be reversed. */
    public enum Status { PENDING, SUCCESS, FAILED, REVERSED }

    SimTransfer finish(Status outcome, String reason, Instant at) {
        return new SimTransfer(provider, id, code, reference, amountKobo, bankCode, accountNumber, accountName,
                narration, outcome, reason, createdAt, at);
    }
}
