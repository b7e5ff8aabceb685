package com.ventusvault.payments.persistence;

import com.ventusvault.payments.domain.Currency;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import reactor.core.publisher.Mono;

/**
 * Recomputes every account's balance from the journal and its held amount from the PENDING holds, finds transfers
 * whose entries do not sum to zero, and totals balances per currency and kind: all in ONE read-only REPEATABLE READ
 * transaction, so the numbers are one consistent snapshot even while payments are being posted.
 */
@Component
public class LedgerVerifier {

    private static final String DIFFERENCES = "select a.id, a.kind, a.currency, a.balance, a.held, "
            + "coalesce(j.total, 0) as journal, coalesce(h.total, 0) as pending from ledger_account a "
            + "left join (select account_id, sum(amount) as total from journal_entry group by account_id) j on j.account_id = a.id "
            + "left join (select account_id, sum(amount) as total from hold where status = 'PENDING' group by account_id) h "
            + "on h.account_id = a.id "
            + "where a.balance <> coalesce(j.total, 0) or a.held <> coalesce(h.total, 0) order by a.currency, a.kind, a.id";

    private static final String TOTALS = "select currency, "
            + "coalesce(sum(balance) filter (where kind = 'USER_WALLET'), 0) as wallets, "
            + "coalesce(sum(held), 0) as held, "
            + "coalesce(sum(balance) filter (where kind = 'FEE_REVENUE'), 0) as fee_revenue, "
            + "coalesce(sum(balance) filter (where kind = 'ESCROW_HOLDING'), 0) as escrow_holding, "
            + "coalesce(sum(balance) filter (where kind = 'PROVIDER_CLEARING'), 0) as provider_clearing, "
            + "coalesce(sum(balance) filter (where kind = 'FX_LIQUIDITY'), 0) as fx_liquidity, "
            + "coalesce(sum(balance) filter (where kind = 'DEMO_BANK'), 0) as demo_bank, "
            + "coalesce(sum(balance), 0) as total, "
            + "count(*) filter (where kind = 'USER_WALLET' and balance < 0) as negative_wallets "
            + "from ledger_account group by currency order by currency";

    private final DatabaseClient database;
    private final TransactionalOperator snapshot;
    private final Clock clock;

    public LedgerVerifier(DatabaseClient database, ReactiveTransactionManager transactionManager, Clock clock) {
        this.database = database;
        DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
        definition.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        definition.setReadOnly(true);
        this.snapshot = TransactionalOperator.create(transactionManager, definition);
        this.clock = clock;
    }

    public Mono<LedgerVerification> verify() {
        Mono<long[]> counts = database.sql("select (select count(*) from ledger_account), (select count(*) from journal_entry)")
                .map(row -> new long[] {row.get(0, Long.class), row.get(1, Long.class)}).one();
        Mono<List<LedgerVerification.Difference>> differences = database.sql(DIFFERENCES)
                .map(LedgerVerifier::difference).all().collectList();
        Mono<List<String>> unbalanced = database.sql("select transfer_id from journal_entry group by transfer_id "
                        + "having sum(amount) <> 0 order by transfer_id")
                .map(row -> row.get(0, UUID.class).toString()).all().collectList();
        Mono<List<LedgerVerification.Totals>> totals = database.sql(TOTALS).map(LedgerVerifier::totals).all().collectList();
        // Sequential on one connection: the first statement fixes the snapshot the others read.
        return snapshot.transactional(counts.flatMap(count -> differences.flatMap(diffs -> unbalanced.flatMap(transfers ->
                totals.map(sums -> new LedgerVerification(diffs.isEmpty() && transfers.isEmpty(), clock.instant(),
                        Math.toIntExact(count[0]), Math.toIntExact(count[1]), diffs, transfers, sums))))));
    }

    private static LedgerVerification.Difference difference(Readable row) {
        Currency currency = Currency.valueOf(row.get("currency", String.class));
        return new LedgerVerification.Difference(row.get("id", UUID.class).toString(), row.get("kind", String.class),
                currency.name(), atScale(row.get("balance", BigDecimal.class), currency),
                atScale(row.get("journal", BigDecimal.class), currency), atScale(row.get("held", BigDecimal.class), currency),
                atScale(row.get("pending", BigDecimal.class), currency));
    }

    private static LedgerVerification.Totals totals(Readable row) {
        Currency currency = Currency.valueOf(row.get("currency", String.class));
        return new LedgerVerification.Totals(currency.name(), atScale(row.get("wallets", BigDecimal.class), currency),
                atScale(row.get("held", BigDecimal.class), currency), atScale(row.get("fee_revenue", BigDecimal.class), currency),
                atScale(row.get("escrow_holding", BigDecimal.class), currency),
                atScale(row.get("provider_clearing", BigDecimal.class), currency),
                atScale(row.get("fx_liquidity", BigDecimal.class), currency),
                atScale(row.get("demo_bank", BigDecimal.class), currency), atScale(row.get("total", BigDecimal.class), currency),
                Math.toIntExact(row.get("negative_wallets", Long.class)));
    }

    /** The value at its currency's scale when that is exact; with all its digits otherwise (a tampered row). */
    static BigDecimal atScale(BigDecimal value, Currency currency) {
        BigDecimal plain = value.stripTrailingZeros();
        return plain.scale() <= currency.scale() ? plain.setScale(currency.scale()) : plain;
    }
}
