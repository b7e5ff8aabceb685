package com.ventusvault.ai.persistence;

import com.ventusvault.ai.domain.UserId;
import com.ventusvault.ai.domain.WalletBalance;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * {@code insight_snapshot}: each wallet's balance at the last insights computation for its owner, one row per
 * (user, wallet). {@link #replace} swaps the old snapshot for the new one and hands back the old balances.
 */
@Repository
public class InsightSnapshotRepository {

    private final DatabaseClient database;
    private final TransactionalOperator transaction;

    public InsightSnapshotRepository(DatabaseClient database, TransactionalOperator transaction) {
        this.database = database;
        this.transaction = transaction;
    }

    /**
     * In one transaction: reads (and locks) the user's snapshot rows, upserts the given balances (one statement for
     * all of them; wallet ids must be distinct), and returns the balances read, by wallet id. Concurrent computations
     * for the same user therefore see each other's snapshot in turn rather than the same stale one.
     */
    public Mono<Map<String, BigDecimal>> replace(UserId user, List<WalletBalance> wallets, Instant recordedAt) {
        Mono<Map<String, BigDecimal>> previous = database
                .sql("select wallet_id, balance from insight_snapshot where user_id = $1 order by wallet_id for update")
                .bind(0, user.value())
                .map(row -> Map.entry(row.get("wallet_id", String.class), row.get("balance", BigDecimal.class)))
                .all()
                .collect(HashMap<String, BigDecimal>::new, (map, entry) -> map.put(entry.getKey(), entry.getValue()))
                .map(Map::copyOf);
        // One statement for all wallets: the arrays are unnested into rows (the caller caps their number).
        Mono<Void> upsert = wallets.isEmpty() ? Mono.empty() : database.sql("""
                        insert into insight_snapshot (user_id, wallet_id, currency, balance, recorded_at)
                        select $1, w.wallet_id, w.currency, w.balance, $5
                        from unnest($2::text[], $3::text[], $4::numeric[]) as w (wallet_id, currency, balance)
                        on conflict (user_id, wallet_id)
                        do update set currency = excluded.currency, balance = excluded.balance,
                                      recorded_at = excluded.recorded_at""")
                .bind(0, user.value())
                .bind(1, wallets.stream().map(WalletBalance::walletId).toArray(String[]::new))
                .bind(2, wallets.stream().map(WalletBalance::currency).toArray(String[]::new))
                .bind(3, wallets.stream().map(WalletBalance::amount).toArray(BigDecimal[]::new))
                .bind(4, recordedAt)
                .then();
        return previous.flatMap(before -> upsert.thenReturn(before)).as(transaction::transactional);
    }
}
