package com.ventusvault.payments.transactions;

import com.ventusvault.payments.domain.AccountId;
import com.ventusvault.payments.domain.TransferKind;
import com.ventusvault.payments.domain.TransferStatus;
import com.ventusvault.payments.persistence.StoredTransfer;
import com.ventusvault.payments.persistence.TransferRepository;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Reads pages of a wallet's history: the transfers whose {@code from_account_id} or {@code to_account_id} is the
 * wallet, ordered by {@code (created_at, id)} descending, starting after a cursor (keyset pagination: stable under
 * concurrent inserts, no OFFSET). One query per page; it fetches {@code first + 1} rows to know whether more follow.
 */
@Component
public class WalletTransactions {

    /** The largest page a client may ask for. */
    public static final int MAX_PAGE = 100;

    private final TransferRepository transfers;

    public WalletTransactions(TransferRepository transfers) {
        this.transfers = transfers;
    }

    /** The page; {@code first} must be in 0..{@link #MAX_PAGE} (the caller validates client input). */
    public Mono<TransactionPage> page(AccountId wallet, int first, Optional<TransactionCursor> after,
                                      TransactionFilter filter) {
        if (first < 0 || first > MAX_PAGE) {
            throw new IllegalArgumentException("first must be in 0.." + MAX_PAGE + ", got " + first);
        }
        List<String> conditions = new ArrayList<>();
        conditions.add(filter.direction() == null ? "(t.from_account_id = :wallet or t.to_account_id = :wallet)"
                : switch (filter.direction()) {
                    case INCOMING -> "t.to_account_id = :wallet";
                    case OUTGOING -> "t.from_account_id = :wallet";
                });
        if (after.isPresent()) {
            conditions.add("(t.created_at, t.id) < (:afterAt, :afterId)");
        }
        if (filter.kinds() != null) {
            conditions.add("t.kind = any(:kinds)");
        }
        if (filter.statuses() != null) {
            conditions.add("t.status = any(:statuses)");
        }
        if (filter.since() != null) {
            conditions.add("t.created_at >= :since");
        }
        if (filter.until() != null) {
            conditions.add("t.created_at < :until");
        }
        String sql = String.join(" and ", conditions) + " order by t.created_at desc, t.id desc limit :limit";
        return transfers.findWhere(sql, spec -> bind(spec, wallet, first, after, filter))
                .map(StoredTransfer::transfer)
                .collectList()
                .map(rows -> rows.size() > first
                        ? new TransactionPage(rows.subList(0, first), true)
                        : new TransactionPage(rows, false));
    }

    private static GenericExecuteSpec bind(GenericExecuteSpec spec, AccountId wallet, int first,
                                           Optional<TransactionCursor> after, TransactionFilter filter) {
        GenericExecuteSpec bound = spec.bind("wallet", wallet.value()).bind("limit", first + 1);
        if (after.isPresent()) {
            bound = bound.bind("afterAt", after.get().createdAt().atOffset(ZoneOffset.UTC))
                    .bind("afterId", after.get().id().value());
        }
        if (filter.kinds() != null) {
            bound = bound.bind("kinds", filter.kinds().stream().map(TransferKind::name).toArray(String[]::new));
        }
        if (filter.statuses() != null) {
            bound = bound.bind("statuses", filter.statuses().stream().map(TransferStatus::name).toArray(String[]::new));
        }
        if (filter.since() != null) {
            bound = bound.bind("since", filter.since().atOffset(ZoneOffset.UTC));
        }
        if (filter.until() != null) {
            bound = bound.bind("until", filter.until().atOffset(ZoneOffset.UTC));
        }
        return bound;
    }
}
