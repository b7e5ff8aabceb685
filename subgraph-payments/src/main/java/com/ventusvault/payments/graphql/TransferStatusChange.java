package com.ventusvault.payments.graphql;

import com.ventusvault.payments.domain.TransferStatus;
import com.ventusvault.payments.persistence.StatusChange;
import java.time.Instant;

/** {@code TransferStatusChange}: one entry of a transfer's history. */
public record TransferStatusChange(TransferStatus status, Instant at, String reason) {

    static TransferStatusChange of(StatusChange change) {
        return new TransferStatusChange(change.status(), change.at(), change.reason());
    }
}
