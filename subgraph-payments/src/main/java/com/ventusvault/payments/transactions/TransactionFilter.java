package com.ventusvault.payments.transactions;

import com.ventusvault.payments.domain.TransferKind;
import com.ventusvault.payments.domain.TransferStatus;
import java.time.Instant;
import java.util.List;

/**
 * Narrows a wallet's history; every criterion given must hold, {@code null} means "any". An empty list of kinds or
 * statuses admits nothing (it is the criterion "one of none").
 *
 * @param since created at or after this instant
 * @param until created strictly before this instant
 */
public record TransactionFilter(List<TransferKind> kinds, List<TransferStatus> statuses, TransferDirection direction,
                                Instant since, Instant until) {

    /** No criteria: every transfer of the wallet. */
    public static final TransactionFilter ANY = new TransactionFilter(null, null, null, null, null);

    public TransactionFilter {
        kinds = kinds == null ? null : List.copyOf(kinds);
        statuses = statuses == null ? null : List.copyOf(statuses);
    }
}
