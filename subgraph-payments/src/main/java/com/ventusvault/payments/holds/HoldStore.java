package com.ventusvault.payments.holds;

import com.ventusvault.payments.domain.AccountId;
import com.ventusvault.payments.domain.Currency;
import com.ventusvault.payments.domain.Money;
import com.ventusvault.payments.domain.TransferId;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code hold} table. Holds are only inserted PENDING and resolved once (the database refuses anything else);
 * {@code ledger_account.held} follows them through triggers, never through this class.
 */
@Repository
public class HoldStore {

    private static final String COLUMNS = "id, transfer_id, account_id, amount, currency, status, posted_amount, reason, "
            + "expires_at, created_at, resolved_at";

    private final DatabaseClient database;

    public HoldStore(DatabaseClient database) {
        this.database = database;
    }

    Mono<Hold> insert(HoldId id, TransferId transfer, AccountId account, Money amount, Instant createdAt, Instant expiresAt) {
        return database.sql("insert into hold (id, transfer_id, account_id, amount, currency, status, expires_at, created_at) "
                        + "values (:id, :transfer, :account, :amount, :currency, 'PENDING', :expiresAt, :createdAt) "
                        + "returning " + COLUMNS)
                .bind("id", id.value()).bind("transfer", transfer.value()).bind("account", account.value())
                .bind("amount", amount.amount()).bind("currency", amount.currency().name())
                .bind("expiresAt", expiresAt.atOffset(ZoneOffset.UTC)).bind("createdAt", createdAt.atOffset(ZoneOffset.UTC))
                .map(HoldStore::toHold).one();
    }

    /** The hold, row-locked until the end of the transaction. */
    Mono<Hold> lock(HoldId id) {
        return database.sql("select " + COLUMNS + " from hold where id = :id for update")
                .bind("id", id.value()).map(HoldStore::toHold).one();
    }

    /** Resolves a PENDING hold; empty when it is no longer PENDING. */
    Mono<Hold> resolve(HoldId id, HoldStatus status, Money posted, String reason, Instant at) {
        DatabaseClient.GenericExecuteSpec spec = database.sql("update hold set status = :status, posted_amount = :posted, "
                        + "reason = :reason, resolved_at = :at where id = :id and status = 'PENDING' returning " + COLUMNS)
                .bind("id", id.value()).bind("status", status.name()).bind("at", at.atOffset(ZoneOffset.UTC));
        spec = posted == null ? spec.bindNull("posted", BigDecimal.class) : spec.bind("posted", posted.amount());
        spec = reason == null ? spec.bindNull("reason", String.class) : spec.bind("reason", reason);
        return spec.map(HoldStore::toHold).one();
    }

    /** PENDING holds whose expiry is at or before {@code now}, oldest expiry first. */
    Flux<HoldId> due(Instant now, int limit) {
        return database.sql("select id from hold where status = 'PENDING' and expires_at <= :now order by expires_at limit :limit")
                .bind("now", now.atOffset(ZoneOffset.UTC)).bind("limit", limit)
                .map(row -> new HoldId(row.get("id", UUID.class))).all();
    }

    /** Expires one hold if it is still PENDING and due (one statement: safe against a concurrent post or void). */
    Mono<Hold> expire(HoldId id, Instant now) {
        return database.sql("update hold set status = 'EXPIRED', resolved_at = :now, reason = 'expired' "
                        + "where id = :id and status = 'PENDING' and expires_at <= :now returning " + COLUMNS)
                .bind("id", id.value()).bind("now", now.atOffset(ZoneOffset.UTC)).map(HoldStore::toHold).one();
    }

    public Mono<Hold> find(HoldId id) {
        return database.sql("select " + COLUMNS + " from hold where id = :id").bind("id", id.value())
                .map(HoldStore::toHold).one();
    }

    /** The holds of several transfers (at most one each), in one query. */
    public Flux<Hold> findByTransfers(Collection<TransferId> transfers) {
        UUID[] ids = transfers.stream().map(TransferId::value).distinct().toArray(UUID[]::new);
        return database.sql("select " + COLUMNS + " from hold where transfer_id = any(:ids)").bind("ids", ids)
                .map(HoldStore::toHold).all();
    }

    private static Hold toHold(Readable row) {
        Currency currency = Currency.valueOf(row.get("currency", String.class));
        BigDecimal posted = row.get("posted_amount", BigDecimal.class);
        OffsetDateTime resolvedAt = row.get("resolved_at", OffsetDateTime.class);
        return new Hold(new HoldId(row.get("id", UUID.class)), new TransferId(row.get("transfer_id", UUID.class)),
                new AccountId(row.get("account_id", UUID.class)), new Money(row.get("amount", BigDecimal.class), currency),
                HoldStatus.valueOf(row.get("status", String.class)), posted == null ? null : new Money(posted, currency),
                row.get("expires_at", OffsetDateTime.class).toInstant(),
                row.get("created_at", OffsetDateTime.class).toInstant(),
                resolvedAt == null ? null : resolvedAt.toInstant(), row.get("reason", String.class));
    }
}
