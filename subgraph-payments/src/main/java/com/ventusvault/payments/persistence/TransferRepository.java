package com.ventusvault.payments.persistence;

import com.ventusvault.payments.domain.AccountId;
import com.ventusvault.payments.domain.Currency;
import com.ventusvault.payments.domain.Money;
import com.ventusvault.payments.domain.Posting;
import com.ventusvault.payments.domain.Transfer;
import com.ventusvault.payments.domain.TransferId;
import com.ventusvault.payments.domain.TransferKind;
import com.ventusvault.payments.domain.TransferStatus;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Transfers and their journal entries. Entries are only ever inserted; the database refuses updates and deletes. */
@Repository
public class TransferRepository {

    private static final String SELECT = "select t.id, t.kind, t.status, t.amount, t.fee, t.currency, t.from_account_id, "
            + "t.to_account_id, t.note, t.initiator_id, t.request_fingerprint, t.created_at, "
            + "fa.owner_id as from_owner, ta.owner_id as to_owner from transfer t "
            + "left join ledger_account fa on fa.id = t.from_account_id "
            + "left join ledger_account ta on ta.id = t.to_account_id ";

    private final DatabaseClient database;

    public TransferRepository(DatabaseClient database) {
        this.database = database;
    }

    public Mono<StoredTransfer> findById(TransferId id) {
        return database.sql(SELECT + "where t.id = :id").bind("id", id.value()).map(TransferRepository::toStored).one();
    }

    /** Transfers by id, in one query, in no particular order; ids no transfer has are simply absent. */
    public Flux<StoredTransfer> findByIds(Collection<TransferId> ids) {
        UUID[] values = ids.stream().map(TransferId::value).distinct().toArray(UUID[]::new);
        return database.sql(SELECT + "where t.id = any(:ids)").bind("ids", values).map(TransferRepository::toStored).all();
    }

    /**
     * Transfers matching a condition the caller writes over alias {@code t} (the transfer) and binds itself, e.g. a page
     * of a wallet's history ({@code transactions/}): one query, mapped like every other read here.
     */
    public Flux<StoredTransfer> findWhere(String conditionAndOrder,
                                          java.util.function.UnaryOperator<DatabaseClient.GenericExecuteSpec> binds) {
        return binds.apply(database.sql(SELECT + "where " + conditionAndOrder)).map(TransferRepository::toStored).all();
    }

    /** The transfer a user created with an idempotency key, if any. */
    public Mono<StoredTransfer> findByKey(UUID initiator, String idempotencyKey) {
        return database.sql(SELECT + "where t.initiator_id = :initiator and t.idempotency_key = :key")
                .bind("initiator", initiator).bind("key", idempotencyKey).map(TransferRepository::toStored).one();
    }

    /**
     * Inserts the transfer unless the initiator already used the key. On a concurrent insert with the same key this
     * waits for the other transaction: {@code true} if this one claimed the key, {@code false} if the other did.
     */
    public Mono<Boolean> insertIfKeyUnused(Transfer transfer, String idempotencyKey, String fingerprint) {
        DatabaseClient.GenericExecuteSpec spec = database.sql("insert into transfer (id, kind, status, amount, fee, currency, "
                        + "from_account_id, to_account_id, note, initiator_id, idempotency_key, request_fingerprint, created_at) "
                        + "values (:id, :kind, :status, :amount, :fee, :currency, :from, :to, :note, :initiator, :key, "
                        + ":fingerprint, :createdAt) on conflict (initiator_id, idempotency_key) do nothing returning id")
                .bind("id", transfer.id().value()).bind("kind", transfer.kind().name())
                .bind("status", transfer.status().name()).bind("amount", transfer.amount().amount())
                .bind("fee", transfer.fee().amount()).bind("currency", transfer.amount().currency().name())
                .bind("initiator", transfer.initiator()).bind("key", idempotencyKey).bind("fingerprint", fingerprint)
                .bind("createdAt", transfer.createdAt().atOffset(ZoneOffset.UTC));
        spec = transfer.from() == null ? spec.bindNull("from", UUID.class) : spec.bind("from", transfer.from().value());
        spec = transfer.to() == null ? spec.bindNull("to", UUID.class) : spec.bind("to", transfer.to().value());
        spec = transfer.note() == null ? spec.bindNull("note", String.class) : spec.bind("note", transfer.note());
        return spec.map(row -> row.get("id", UUID.class)).one().hasElement();
    }

    /** Appends the transfer's journal entries in one statement; a trigger moves the cached balances with them. */
    public Mono<Void> appendEntries(TransferId transfer, List<Posting> postings) {
        StringBuilder sql = new StringBuilder("insert into journal_entry (transfer_id, account_id, amount, currency) values ");
        for (int i = 0; i < postings.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:transfer, :account").append(i).append(", :amount").append(i)
                    .append(", :currency").append(i).append(")");
        }
        DatabaseClient.GenericExecuteSpec spec = database.sql(sql.toString()).bind("transfer", transfer.value());
        for (int i = 0; i < postings.size(); i++) {
            Posting posting = postings.get(i);
            spec = spec.bind("account" + i, posting.account().value()).bind("amount" + i, posting.amount().amount())
                    .bind("currency" + i, posting.amount().currency().name());
        }
        return spec.then();
    }

    private static StoredTransfer toStored(Readable row) {
        Currency currency = Currency.valueOf(row.get("currency", String.class));
        UUID from = row.get("from_account_id", UUID.class);
        UUID to = row.get("to_account_id", UUID.class);
        Transfer transfer = new Transfer(new TransferId(row.get("id", UUID.class)),
                TransferKind.valueOf(row.get("kind", String.class)), TransferStatus.valueOf(row.get("status", String.class)),
                new Money(row.get("amount", BigDecimal.class), currency), new Money(row.get("fee", BigDecimal.class), currency),
                from == null ? null : new AccountId(from), to == null ? null : new AccountId(to),
                row.get("note", String.class), row.get("initiator_id", UUID.class),
                row.get("created_at", OffsetDateTime.class).toInstant());
        return new StoredTransfer(transfer, row.get("request_fingerprint", String.class),
                row.get("from_owner", UUID.class), row.get("to_owner", UUID.class));
    }
}
