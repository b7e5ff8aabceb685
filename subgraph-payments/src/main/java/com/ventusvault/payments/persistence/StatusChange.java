package com.ventusvault.payments.persistence;

import com.ventusvault.payments.domain.TransferId;
import com.ventusvault.payments.domain.TransferStatus;
import java.time.Instant;

/** One row of a transfer's status history: the status it entered, when, and why (may be null). */
public record StatusChange(TransferId transfer, TransferStatus status, String reason, Instant at) {
}
