package com.ventusvault.payments.transactions;

import com.ventusvault.payments.domain.Transfer;
import java.util.List;

/** One page of a wallet's history, newest first, and whether more transfers follow it. */
public record TransactionPage(List<Transfer> transfers, boolean hasNextPage) {

    public TransactionPage {
        transfers = List.copyOf(transfers);
    }
}
