package com.ventusvault.payments.persistence;

import com.ventusvault.payments.audit.AuditRecorded;
import com.ventusvault.payments.domain.AccountId;
import com.ventusvault.payments.domain.Currency;
import com.ventusvault.payments.domain.Fees;
import com.ventusvault.payments.domain.Money;
import com.ventusvault.payments.domain.Posting;
import com.ventusvault.payments.domain.Transfer;
import com.ventusvault.payments.domain.TransferId;
import com.ventusvault.payments.domain.TransferKind;
import com.ventusvault.payments.domain.TransferFailure;
import com.ventusvault.payments.domain.TransferStatus;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Transfers and their journal entries. Entries are only ever inserted; the database refuses updates and deletes. */
@Repository
public class TransferRepository {

    /** The columns {@link #toStored} reads, over alias {@code t} (transfer), {@code fa}/{@code ta} (its accounts). */
    static final String COLUMNS = "t.id, t.kind, t.status, t.amount, t.fee, t.platform_fee, t.provider_fee, "
            + "t.network_fee, t.failure_code, t.failure_message, t.currency, t.from_account_id, "
            + "t.to_account_id, t.note, t.initiator_id, t.request_fingerprint, t.created_at, "
            + "fa.owner_id as from_owner, ta.owner_id as to_owner ";

    private static final String SELECT = "select " + COLUMNS + "from transfer t "
            + "left join ledger_account fa on fa.id = t.from_account_id "
            + "left join ledger_account ta on ta.id = t.to_account_id ";

    private final DatabaseClient database;
    private final Clock clock;

    public TransferRepository(DatabaseClient database, Clock clock) {
        this.database = database;
        this.clock = clock;
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
     * Same as {@link #insert(Transfer, String, String, String)} without a reason.
     */
    public Mono<Boolean> insertIfKeyUnused(Transfer transfer, String idempotencyKey, String fingerprint) {
        return insert(transfer, idempotencyKey, fingerprint, null);
    }

    /**
     * Inserts the transfer (with its fee breakdown) AND its first status history row ({@code transfer.status()},
     * {@code reason}, at {@code transfer.createdAt()}), in one statement, unless the initiator already used the key.
     * On a concurrent insert with the same key this waits for the other transaction: {@code true} if this one claimed
     * the key, {@code false} if the other did (then nothing was written).
     */
    public Mono<Boolean> insert(Transfer transfer, String idempotencyKey, String fingerprint, String reason) {
        return insert(transfer, idempotencyKey, fingerprint, reason, List.of());
    }

    /**
     * {@link #insert(Transfer, String, String, String)} that also appends the transfer's journal entries, all in ONE
     * statement (one round trip fewer while the accounts are locked): the entries are inserted only if the transfer row
     * was (they select from its {@code returning}), so an unclaimed key writes nothing at all. The entries' triggers
     * (balances, outbox) fire at the end of the statement and the double-entry check at commit, as with
     * {@link #appendEntries}.
     */
    public Mono<Boolean> insert(Transfer transfer, String idempotencyKey, String fingerprint, String reason,
                                List<Posting> postings) {
        return insert(transfer, idempotencyKey, fingerprint, reason, postings, null);
    }

    /**
     * {@link #insert(Transfer, String, String, String, List)} that also appends {@code audit} to the outbox, in the
     * same statement and only if the transfer row was inserted (an unclaimed key audits nothing). This is the one
     * extra insert a P2P payment pays for its audit trail: no extra round trip while its accounts are locked.
     */
    public Mono<Boolean> insert(Transfer transfer, String idempotencyKey, String fingerprint, String reason,
                                List<Posting> postings, AuditRecorded audit) {
        StringBuilder sql = new StringBuilder("with t as (insert into transfer (id, kind, status, amount, "
                + "fee, platform_fee, provider_fee, network_fee, currency, from_account_id, to_account_id, note, "
                + "initiator_id, idempotency_key, request_fingerprint, created_at) "
                + "values (:id, :kind, :status, :amount, :fee, :platformFee, :providerFee, :networkFee, :currency, "
                + ":from, :to, :note, :initiator, :key, :fingerprint, :createdAt) "
                + "on conflict (initiator_id, idempotency_key) do nothing returning id, status, created_at), "
                + "h as (insert into transfer_status_change (transfer_id, status, reason, at) "
                + "select id, status, :reason, created_at from t) ");
        if (!postings.isEmpty()) {
            sql.append(", e as (insert into journal_entry (transfer_id, account_id, amount, currency) "
                    + "select t.id, v.account_id, v.amount, v.currency from t, (values ");
            for (int i = 0; i < postings.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append("(cast(:account").append(i).append(" as uuid), cast(:amount")
                        .append(i).append(" as numeric), cast(:currency").append(i).append(" as text), ").append(i)
                        .append(")");
            }
            sql.append(") v(account_id, amount, currency, line) order by v.line) ");
        }
        if (audit != null) {
            sql.append(", a as (insert into outbox_event (aggregate_type, aggregate_id, event_type, payload) "
                    + "select :auditType, :auditTarget, :auditEvent, cast(:auditPayload as jsonb) from t) ");
        }
        sql.append("select id from t");
        DatabaseClient.GenericExecuteSpec spec = database.sql(sql.toString())
                .bind("id", transfer.id().value()).bind("kind", transfer.kind().name())
                .bind("status", transfer.status().name()).bind("amount", transfer.amount().amount())
                .bind("fee", transfer.fee().amount()).bind("platformFee", transfer.fees().platform().amount())
                .bind("providerFee", transfer.fees().provider().amount())
                .bind("networkFee", transfer.fees().network().amount())
                .bind("currency", transfer.amount().currency().name())
                .bind("initiator", transfer.initiator()).bind("key", idempotencyKey).bind("fingerprint", fingerprint)
                .bind("createdAt", transfer.createdAt().atOffset(ZoneOffset.UTC));
        spec = transfer.from() == null ? spec.bindNull("from", UUID.class) : spec.bind("from", transfer.from().value());
        spec = transfer.to() == null ? spec.bindNull("to", UUID.class) : spec.bind("to", transfer.to().value());
        spec = transfer.note() == null ? spec.bindNull("note", String.class) : spec.bind("note", transfer.note());
        spec = reason == null ? spec.bindNull("reason", String.class) : spec.bind("reason", reason);
        for (int i = 0; i < postings.size(); i++) {
            Posting posting = postings.get(i);
            spec = spec.bind("account" + i, posting.account().value()).bind("amount" + i, posting.amount().amount())
                    .bind("currency" + i, posting.amount().currency().name());
        }
        if (audit != null) {
            spec = spec.bind("auditType", AuditRecorded.AGGREGATE_TYPE).bind("auditTarget", audit.target())
                    .bind("auditEvent", AuditRecorded.EVENT_TYPE).bind("auditPayload", audit.payload());
        }
        return spec.map(row -> row.get("id", UUID.class)).one().hasElement();
    }

    /**
     * Compare-and-set of the transfer's status: moves it from {@code from} to {@code to} and appends the history row,
     * in one statement; {@code false} (nothing written) when the transfer is no longer in {@code from}.
     */
    public Mono<Boolean> transition(TransferId id, TransferStatus from, TransferStatus to, String reason) {
        return changeStatus(id, from, to, reason, null, null);
    }

    /**
     * {@link #transition} that also records why the transfer failed ({@code code}, {@code message}); the history row's
     * reason is the message.
     */
    public Mono<Boolean> fail(TransferId id, TransferStatus from, TransferStatus to, String code, String message) {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        return changeStatus(id, from, to, message, code, message);
    }

    private Mono<Boolean> changeStatus(TransferId id, TransferStatus from, TransferStatus to, String reason, String code,
                                       String message) {
        DatabaseClient.GenericExecuteSpec spec = database.sql("with t as (update transfer set status = :to, "
                        + "failure_code = coalesce(:code, failure_code), failure_message = coalesce(:message, failure_message) "
                        + "where id = :id and status = :from returning id) "
                        + "insert into transfer_status_change (transfer_id, status, reason, at) "
                        + "select id, :to, :reason, :at from t returning transfer_id")
                .bind("id", id.value()).bind("from", from.name()).bind("to", to.name())
                .bind("at", clock.instant().atOffset(ZoneOffset.UTC));
        spec = reason == null ? spec.bindNull("reason", String.class) : spec.bind("reason", reason);
        spec = code == null ? spec.bindNull("code", String.class) : spec.bind("code", code);
        spec = message == null ? spec.bindNull("message", String.class) : spec.bind("message", message);
        return spec.map(row -> row.get("transfer_id", UUID.class)).all().hasElements();
    }

    /** The status histories of several transfers, oldest first, in one query. */
    public Flux<StatusChange> historyOf(Collection<TransferId> ids) {
        UUID[] values = ids.stream().map(TransferId::value).distinct().toArray(UUID[]::new);
        return database.sql("select transfer_id, status, reason, at from transfer_status_change "
                        + "where transfer_id = any(:ids) order by transfer_id, id")
                .bind("ids", values)
                .map(row -> new StatusChange(new TransferId(row.get("transfer_id", UUID.class)),
                        TransferStatus.valueOf(row.get("status", String.class)), row.get("reason", String.class),
                        row.get("at", OffsetDateTime.class).toInstant()))
                .all();
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

    private static TransferFailure failure(Readable row) {
        String code = row.get("failure_code", String.class);
        return code == null ? null : new TransferFailure(code, row.get("failure_message", String.class));
    }

    static StoredTransfer toStored(Readable row) {
        Currency currency = Currency.valueOf(row.get("currency", String.class));
        UUID from = row.get("from_account_id", UUID.class);
        UUID to = row.get("to_account_id", UUID.class);
        Transfer transfer = new Transfer(new TransferId(row.get("id", UUID.class)),
                TransferKind.valueOf(row.get("kind", String.class)), TransferStatus.valueOf(row.get("status", String.class)),
                new Money(row.get("amount", BigDecimal.class), currency),
                new Fees(new Money(row.get("platform_fee", BigDecimal.class), currency),
                        new Money(row.get("provider_fee", BigDecimal.class), currency),
                        new Money(row.get("network_fee", BigDecimal.class), currency)),
                from == null ? null : new AccountId(from), to == null ? null : new AccountId(to),
                row.get("note", String.class), row.get("initiator_id", UUID.class),
                row.get("created_at", OffsetDateTime.class).toInstant(), failure(row));
        return new StoredTransfer(transfer, row.get("request_fingerprint", String.class),
                row.get("from_owner", UUID.class), row.get("to_owner", UUID.class));
    }
}
