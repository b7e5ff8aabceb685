package com.ventusvault.payments.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The ledger recomputed from the journal and the pending holds in one database snapshot (what {@code verifyLedger}
 * returns). {@code clean} when no account's cached balance or held differs and every transfer's entries sum to zero.
 */
public record LedgerVerification(boolean clean, Instant checkedAt, int accounts, int journalEntries,
                                 List<Difference> differences, List<String> unbalancedTransfers,
                                 List<Totals> totals) {

    public LedgerVerification {
        differences = List.copyOf(differences);
        unbalancedTransfers = List.copyOf(unbalancedTransfers);
        totals = List.copyOf(totals);
    }

    /** An account whose cached balance differs from its journal, or whose held differs from its pending holds. */
    public record Difference(String accountId, String kind, String currency, BigDecimal cached, BigDecimal journal,
                             BigDecimal cachedHeld, BigDecimal pendingHolds) {
    }

    /** Cached balances of one currency by account kind; {@code sum} is zero under double entry. */
    public record Totals(String currency, BigDecimal wallets, BigDecimal held, BigDecimal feeRevenue,
                         BigDecimal escrowHolding, BigDecimal providerClearing, BigDecimal fxLiquidity,
                         BigDecimal demoBank, BigDecimal sum, int negativeWallets) {
    }
}
