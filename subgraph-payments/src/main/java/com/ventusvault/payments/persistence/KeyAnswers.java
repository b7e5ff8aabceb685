package com.ventusvault.payments.persistence;

import com.ventusvault.payments.domain.Rejection;
import com.ventusvault.payments.domain.RejectionCode;
import com.ventusvault.payments.domain.TransferOutcome;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * What an idempotency key has already answered, in ONE statement over both places a key can live: the transfer it
 * created ({@code transfer}) or the refusal it got ({@code refused_request}). A key is in at most one of them (both are
 * written under the key's advisory lock), so the statement returns one row with at most one side filled. It replaces
 * two lookups per request (one round trip fewer on every posting, half of them while the key's lock is held).
 */
@Repository
public class KeyAnswers {

    private static final String SQL = "select " + TransferRepository.COLUMNS + ", r.request_fingerprint as refused_fingerprint, "
            + "r.code as refused_code, r.message as refused_message, r.field as refused_field "
            + "from (select cast(:initiator as uuid) as initiator_id, cast(:key as text) as idempotency_key) k "
            + "left join transfer t on t.initiator_id = k.initiator_id and t.idempotency_key = k.idempotency_key "
            + "left join ledger_account fa on fa.id = t.from_account_id "
            + "left join ledger_account ta on ta.id = t.to_account_id "
            + "left join refused_request r on r.initiator_id = k.initiator_id and r.idempotency_key = k.idempotency_key";

    private final DatabaseClient database;

    public KeyAnswers(DatabaseClient database) {
        this.database = database;
    }

    /**
     * The previous answer to the key, as {@link LedgerPoster#replay} words it for a request with {@code fingerprint}:
     * the original transfer (same request) or refusal (same request), or IDEMPOTENCY_KEY_REUSED; empty if unused.
     */
    public Mono<TransferOutcome> previousAnswer(UUID initiator, String idempotencyKey, String fingerprint) {
        return database.sql(SQL).bind("initiator", initiator).bind("key", idempotencyKey)
                .map(row -> {
                    if (row.get("id", UUID.class) != null) {
                        return List.of(LedgerPoster.replay(TransferRepository.toStored(row), fingerprint));
                    }
                    String code = row.get("refused_code", String.class);
                    if (code != null) {
                        return List.of(LedgerPoster.replay(new RefusedRequests.StoredRefusal(
                                row.get("refused_fingerprint", String.class),
                                new Rejection(RejectionCode.valueOf(code), row.get("refused_message", String.class),
                                        List.of(row.get("refused_field", String[].class)))), fingerprint));
                    }
                    return List.<TransferOutcome>of();
                })
                .one()
                .flatMap(found -> found.isEmpty() ? Mono.empty() : Mono.just(found.getFirst()));
    }
}
