package com.ventusvault.payments.payouts;

import com.ventusvault.payments.domain.Currency;
import com.ventusvault.payments.domain.Fees;
import com.ventusvault.payments.domain.Money;
import com.ventusvault.payments.domain.TransferId;
import com.ventusvault.payments.holds.HoldId;
import com.ventusvault.payments.providers.ProviderName;
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
 * {@code payout_detail} rows (V4), and the payout-specific reads of {@code transfer} and {@code hold} the saga needs.
 * Status changes never happen here: they go through {@code TransferRepository.transition/fail}.
 */
@Repository
public class PayoutDetailRepository {

    private static final String COLUMNS = "transfer_id, preferred_provider, provider, bank_code, account_number, "
            + "account_name, narration, platform_fee, provider_fee, hold_id, provider_transfer_id, last_checked_at";

    private final DatabaseClient database;

    public PayoutDetailRepository(DatabaseClient database) {
        this.database = database;
    }

    Mono<Void> insert(TransferId transfer, PayoutInstruction instruction) {
        DatabaseClient.GenericExecuteSpec spec = database.sql("insert into payout_detail (transfer_id, preferred_provider, "
                        + "bank_code, account_number, narration) values (:id, :preferred, :bank, :account, :narration)")
                .bind("id", transfer.value()).bind("bank", instruction.bankCode())
                .bind("account", instruction.accountNumber());
        spec = instruction.provider().isPresent() ? spec.bind("preferred", instruction.provider().get().name())
                : spec.bindNull("preferred", String.class);
        spec = instruction.narration() == null ? spec.bindNull("narration", String.class)
                : spec.bind("narration", instruction.narration());
        return spec.then();
    }

    public Mono<PayoutDetail> find(TransferId transfer) {
        return database.sql("select " + COLUMNS + " from payout_detail where transfer_id = :id")
                .bind("id", transfer.value()).map(PayoutDetailRepository::toDetail).one();
    }

    /** Details of several transfers in one query; transfers without details are absent. */
    public Flux<PayoutDetail> findAll(Collection<TransferId> transfers) {
        UUID[] ids = transfers.stream().map(TransferId::value).distinct().toArray(UUID[]::new);
        return database.sql("select " + COLUMNS + " from payout_detail where transfer_id = any(:ids)")
                .bind("ids", ids).map(PayoutDetailRepository::toDetail).all();
    }

    /** The provider that resolved the account, the holder's name, the fee split, and the hold that covers it all. */
    Mono<Void> reserved(TransferId transfer, ProviderName provider, String accountName, Fees fees, HoldId hold) {
        return database.sql("update payout_detail set provider = :provider, account_name = :name, "
                        + "platform_fee = :platform, provider_fee = :providerFee, hold_id = :hold where transfer_id = :id")
                .bind("id", transfer.value()).bind("provider", provider.name()).bind("name", accountName)
                .bind("platform", fees.platform().amount()).bind("providerFee", fees.provider().amount())
                .bind("hold", hold.value()).then();
    }

    /**
     * Sets the transfer's fee breakdown while it is VALIDATING (the fee depends on the provider that resolved the
     * account, known only then); the database checks fee = platform + provider + network.
     */
    Mono<Boolean> setTransferFees(TransferId transfer, Fees fees) {
        return database.sql("update transfer set fee = :fee, platform_fee = :platform, provider_fee = :provider, "
                        + "network_fee = :network where id = :id and status = 'VALIDATING'")
                .bind("id", transfer.value()).bind("fee", fees.total().amount())
                .bind("platform", fees.platform().amount()).bind("provider", fees.provider().amount())
                .bind("network", fees.network().amount())
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    /** The provider took the payout (or is being asked again): who has it, its id there, and when we last asked. */
    Mono<Void> submitted(TransferId transfer, ProviderName provider, String providerTransferId, Instant at) {
        return database.sql("update payout_detail set provider = :provider, provider_transfer_id = "
                        + "coalesce(nullif(:providerId, ''), provider_transfer_id), last_checked_at = :at where transfer_id = :id")
                .bind("id", transfer.value()).bind("provider", provider.name()).bind("providerId", providerTransferId)
                .bind("at", at.atOffset(ZoneOffset.UTC)).then();
    }

    Mono<Void> checked(TransferId transfer, Instant at) {
        return database.sql("update payout_detail set last_checked_at = :at where transfer_id = :id")
                .bind("id", transfer.value()).bind("at", at.atOffset(ZoneOffset.UTC)).then();
    }

    /** Whether the user's key names a refused request the ledger recorded (then it cannot start a payout). */
    Mono<Boolean> keyRefused(UUID user, String idempotencyKey) {
        return database.sql("select exists (select 1 from refused_request where initiator_id = :user "
                        + "and idempotency_key = :key) as used")
                .bind("user", user).bind("key", idempotencyKey).map(row -> Boolean.TRUE.equals(row.get("used", Boolean.class)))
                .one();
    }

    /** The status of a hold and when it expires, read directly (the saga only needs to know whether it still holds). */
    Mono<HoldState> holdState(HoldId hold) {
        return database.sql("select status, expires_at from hold where id = :id").bind("id", hold.value())
                .map(row -> new HoldState(row.get("status", String.class),
                        row.get("expires_at", OffsetDateTime.class).toInstant()))
                .one();
    }

    /** A hold as far as the saga cares: PENDING/POSTED/VOIDED/EXPIRED and its expiry. */
    record HoldState(String status, Instant expiresAt) {

        boolean pendingAt(Instant now) {
            return "PENDING".equals(status) && now.isBefore(expiresAt);
        }
    }

    /**
     * The payouts the worker still has work on, oldest first: reserved, sent or with the provider; FAILED with a hold
     * still pending (compensation interrupted); and INITIATED/VALIDATING ones created before {@code abandonBefore}.
     */
    Flux<TransferId> unfinished(Instant abandonBefore, int limit) {
        return database.sql("select t.id from transfer t join payout_detail d on d.transfer_id = t.id "
                        + "left join hold h on h.id = d.hold_id where t.kind = 'PAYOUT' and ("
                        + "t.status in ('BALANCE_RESERVED', 'SENT_TO_PROVIDER', 'PROVIDER_PROCESSING') "
                        + "or (t.status = 'FAILED' and h.status = 'PENDING') "
                        + "or (t.status in ('INITIATED', 'VALIDATING') and t.created_at < :before)) "
                        + "order by t.created_at, t.id limit :limit")
                .bind("before", abandonBefore.atOffset(ZoneOffset.UTC)).bind("limit", limit)
                .map(row -> new TransferId(row.get("id", UUID.class))).all();
    }

    private static PayoutDetail toDetail(Readable row) {
        String preferred = row.get("preferred_provider", String.class);
        String provider = row.get("provider", String.class);
        UUID hold = row.get("hold_id", UUID.class);
        OffsetDateTime checked = row.get("last_checked_at", OffsetDateTime.class);
        return new PayoutDetail(new TransferId(row.get("transfer_id", UUID.class)),
                preferred == null ? null : ProviderName.valueOf(preferred),
                provider == null ? null : ProviderName.valueOf(provider),
                row.get("bank_code", String.class), row.get("account_number", String.class),
                row.get("account_name", String.class), row.get("narration", String.class),
                ngn(row.get("platform_fee", BigDecimal.class)), ngn(row.get("provider_fee", BigDecimal.class)),
                hold == null ? null : new HoldId(hold), row.get("provider_transfer_id", String.class),
                checked == null ? null : checked.toInstant());
    }

    private static Money ngn(BigDecimal amount) {
        return new Money(amount, Currency.NGN);
    }
}
