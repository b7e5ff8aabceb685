package com.ventusvault.payments.persistence;

import com.ventusvault.payments.domain.Rejection;
import com.ventusvault.payments.domain.RejectionCode;
import com.ventusvault.payments.domain.TransferRequest;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Refused money movements, kept under their idempotency key so a retry gets the same answer: the same request
 * replays the refusal, another request is IDEMPOTENCY_KEY_REUSED. Written only by {@link LedgerPoster}, under the
 * key's lock, so a key is either here or on a transfer, never both.
 */
@Repository
public class RefusedRequests {

    private final DatabaseClient database;

    public RefusedRequests(DatabaseClient database) {
        this.database = database;
    }

    /** The refusal stored under the user's key, if any. */
    public Mono<StoredRefusal> find(UUID initiator, String idempotencyKey) {
        return database.sql("select request_fingerprint, code, message, field from refused_request "
                        + "where initiator_id = :initiator and idempotency_key = :key")
                .bind("initiator", initiator).bind("key", idempotencyKey)
                .map(row -> new StoredRefusal(row.get("request_fingerprint", String.class),
                        new Rejection(RejectionCode.valueOf(row.get("code", String.class)),
                                row.get("message", String.class), List.of(row.get("field", String[].class)))))
                .one();
    }

    /** Stores the refusal of the request under its key (the caller holds the key's lock and checked it is unused). */
    Mono<Void> record(TransferRequest request, String fingerprint, Rejection rejection) {
        return database.sql("insert into refused_request (initiator_id, idempotency_key, request_fingerprint, kind, code, "
                        + "message, field) values (:initiator, :key, :fingerprint, :kind, :code, :message, :field)")
                .bind("initiator", request.initiator()).bind("key", request.idempotencyKey())
                .bind("fingerprint", fingerprint).bind("kind", request.kind().name())
                .bind("code", rejection.code().name()).bind("message", rejection.message())
                .bind("field", rejection.field().toArray(String[]::new))
                .then();
    }

    /** A refusal as stored: the fingerprint of the refused request and what it was told. */
    public record StoredRefusal(String fingerprint, Rejection rejection) {
    }
}
