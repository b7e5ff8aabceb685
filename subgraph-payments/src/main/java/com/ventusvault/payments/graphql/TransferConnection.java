package com.ventusvault.payments.graphql;

import com.ventusvault.payments.transactions.TransactionCursor;
import com.ventusvault.payments.transactions.TransactionPage;
import java.util.List;

/**
 * A page of {@code Wallet.transactions} as a Relay connection. Paging is forward only ({@code first}/{@code after}),
 * so {@code hasPreviousPage} is always false, as the Relay specification allows.
 */
public record TransferConnection(List<Edge> edges, PageInfo pageInfo) {

    static TransferConnection of(TransactionPage page) {
        List<Edge> edges = page.transfers().stream()
                .map(transfer -> new Edge(TransactionCursor.of(transfer).encode(), Transfer.of(transfer)))
                .toList();
        return new TransferConnection(edges, new PageInfo(page.hasNextPage(), false,
                edges.isEmpty() ? null : edges.getFirst().cursor(), edges.isEmpty() ? null : edges.getLast().cursor()));
    }

    /** {@code TransferEdge}. */
    public record Edge(String cursor, Transfer node) {
    }

    /** {@code PageInfo}. */
    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }
}
