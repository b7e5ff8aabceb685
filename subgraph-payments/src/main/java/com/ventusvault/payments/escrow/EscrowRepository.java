package com.ventusvault.payments.escrow;

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
 * Escrow rows. They are inserted with their funding transfer and updated once, from HELD, with their resolution
 * (the database refuses any other change and every delete).
 */
@Repository
public class EscrowRepository {

    private static final String SELECT = "select e.id, e.status, e.amount, e.fee, e.currency, e.payer_wallet_id, "
            + "e.payee_wallet_id, e.description, e.created_at, e.expires_at, e.resolved_at, e.funding_transfer_id, "
            + "e.resolution_transfer_id, e.request_fingerprint, pa.owner_id as payer, pe.owner_id as payee from escrow e "
            + "join ledger_account pa on pa.id = e.payer_wallet_id join ledger_account pe on pe.id = e.payee_wallet_id ";

    private final DatabaseClient database;

    public EscrowRepository(DatabaseClient database) {
        this.database = database;
    }

    /** An escrow with the fingerprint of the request that created it. */
    public record Stored(Escrow escrow, String fingerprint) {
    }

    public Mono<Escrow> findById(EscrowId id) {
        return database.sql(SELECT + "where e.id = :id").bind("id", id.value()).map(EscrowRepository::toStored).one()
                .map(Stored::escrow);
    }

    /** Escrows by id in one query, in no particular order; unknown ids are absent. */
    public Flux<Escrow> findByIds(Collection<EscrowId> ids) {
        return database.sql(SELECT + "where e.id = any(:ids)")
                .bind("ids", ids.stream().map(EscrowId::value).distinct().toArray(UUID[]::new))
                .map(EscrowRepository::toStored).all().map(Stored::escrow);
    }

    /** The escrows funded or resolved by any of the transfers, in one query. */
    public Flux<Escrow> findByTransfers(Collection<TransferId> transfers) {
        return database.sql(SELECT + "where e.funding_transfer_id = any(:ids) or e.resolution_transfer_id = any(:ids)")
                .bind("ids", transfers.stream().map(TransferId::value).distinct().toArray(UUID[]::new))
                .map(EscrowRepository::toStored).all().map(Stored::escrow);
    }

    /** The escrow a user created with an idempotency key, if any. */
    public Mono<Stored> findByKey(UUID initiator, String idempotencyKey) {
        return database.sql(SELECT + "where e.initiator_id = :initiator and e.idempotency_key = :key")
                .bind("initiator", initiator).bind("key", idempotencyKey).map(EscrowRepository::toStored).one();
    }

    /** Locks the escrow row for the rest of the current transaction (resolution is decided under this lock). */
    public Mono<Escrow> lock(EscrowId id) {
        return database.sql(SELECT + "where e.id = :id for update of e").bind("id", id.value())
                .map(EscrowRepository::toStored).one().map(Stored::escrow);
    }

    /** The ids of HELD escrows due at {@code now}, oldest deadline first. */
    public Flux<EscrowId> due(Instant now, int limit) {
        return database.sql("select id from escrow where status = 'HELD' and expires_at <= :now order by expires_at limit :limit")
                .bind("now", now.atOffset(ZoneOffset.UTC)).bind("limit", limit)
                .map(row -> new EscrowId(row.get("id", UUID.class))).all();
    }

    /** Records a new HELD escrow in the current transaction (with its funding transfer). */
    public Mono<Void> insert(Escrow escrow, UUID initiator, String idempotencyKey, String fingerprint) {
        DatabaseClient.GenericExecuteSpec spec = database.sql("insert into escrow (id, payer_wallet_id, payee_wallet_id, "
                        + "amount, fee, currency, status, description, expires_at, created_at, funding_transfer_id, "
                        + "initiator_id, idempotency_key, request_fingerprint) values (:id, :payer, :payee, :amount, :fee, "
                        + ":currency, 'HELD', :description, :expiresAt, :createdAt, :funding, :initiator, :key, :fingerprint)")
                .bind("id", escrow.id().value()).bind("payer", escrow.payerWallet().value())
                .bind("payee", escrow.payeeWallet().value()).bind("amount", escrow.amount().amount())
                .bind("fee", escrow.fee().amount()).bind("currency", escrow.amount().currency().name())
                .bind("expiresAt", escrow.expiresAt().atOffset(ZoneOffset.UTC))
                .bind("createdAt", escrow.createdAt().atOffset(ZoneOffset.UTC))
                .bind("funding", escrow.funding().value()).bind("initiator", initiator).bind("key", idempotencyKey)
                .bind("fingerprint", fingerprint);
        spec = escrow.description() == null ? spec.bindNull("description", String.class)
                : spec.bind("description", escrow.description());
        return spec.then();
    }

    /**
     * Compare-and-set from HELD to {@code to}, with the resolution transfer: {@code true} if this call resolved it,
     * {@code false} if it was no longer HELD. {@code resolvedBy} is the user who released or cancelled it, {@code null}
     * for an expiry.
     */
    public Mono<Boolean> resolve(EscrowId id, EscrowStatus to, Instant at, TransferId resolution, UUID resolvedBy) {
        DatabaseClient.GenericExecuteSpec spec = database.sql("update escrow set status = :to, resolved_at = :at, "
                        + "resolution_transfer_id = :resolution, resolved_by = :by where id = :id and status = 'HELD'")
                .bind("to", to.name()).bind("at", at.atOffset(ZoneOffset.UTC)).bind("resolution", resolution.value())
                .bind("id", id.value());
        spec = resolvedBy == null ? spec.bindNull("by", UUID.class) : spec.bind("by", resolvedBy);
        return spec.fetch().rowsUpdated().map(rows -> rows == 1);
    }

    private static Stored toStored(Readable row) {
        Currency currency = Currency.valueOf(row.get("currency", String.class));
        UUID resolution = row.get("resolution_transfer_id", UUID.class);
        OffsetDateTime resolvedAt = row.get("resolved_at", OffsetDateTime.class);
        Escrow escrow = new Escrow(new EscrowId(row.get("id", UUID.class)),
                EscrowStatus.valueOf(row.get("status", String.class)),
                new Money(row.get("amount", BigDecimal.class), currency), new Money(row.get("fee", BigDecimal.class), currency),
                new AccountId(row.get("payer_wallet_id", UUID.class)), row.get("payer", UUID.class),
                new AccountId(row.get("payee_wallet_id", UUID.class)), row.get("payee", UUID.class),
                row.get("description", String.class), row.get("created_at", OffsetDateTime.class).toInstant(),
                row.get("expires_at", OffsetDateTime.class).toInstant(),
                resolvedAt == null ? null : resolvedAt.toInstant(),
                new TransferId(row.get("funding_transfer_id", UUID.class)),
                resolution == null ? null : new TransferId(resolution));
        return new Stored(escrow, row.get("request_fingerprint", String.class));
    }
}
