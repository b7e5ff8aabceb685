package com.ventusvault.payments.payouts;

import com.ventusvault.payments.domain.Rejection;
import com.ventusvault.payments.domain.RejectionCode;
import com.ventusvault.payments.domain.TransferId;
import com.ventusvault.payments.domain.TransferOutcome;
import com.ventusvault.payments.domain.TransferRequest;
import com.ventusvault.payments.persistence.LedgerPoster;
import com.ventusvault.payments.persistence.TransferRepository;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The answer to a payout or provider deposit whose idempotency key is already taken: the transfer as it is now (same
 * request), or IDEMPOTENCY_KEY_REUSED (another request, or a key the ledger recorded a refusal under). Empty when the
 * key is free.
 */
@Component
class KeyReplays {

    private final TransferRepository transfers;
    private final PayoutDetailRepository details;

    KeyReplays(TransferRepository transfers, PayoutDetailRepository details) {
        this.transfers = transfers;
        this.details = details;
    }

    /**
     * @param current how the caller presents a stored transfer of its kind
     * @param what    what a new key is for, for the message ("payout", "deposit")
     */
    Mono<PayoutResult> replay(TransferRequest request, Function<TransferId, Mono<PayoutResult>> current, String what) {
        return transfers.findByKey(request.initiator(), request.idempotencyKey())
                .flatMap(existing -> switch (LedgerPoster.replay(existing, request.fingerprint())) {
                    case TransferOutcome.Replayed replayed -> current.apply(replayed.transfer().id());
                    case TransferOutcome.Refused refused -> Mono.just(PayoutResult.refused(refused.rejection()));
                    case TransferOutcome.Posted posted -> Mono.just(PayoutResult.of(posted.transfer()));
                })
                .switchIfEmpty(Mono.defer(() -> details.keyRefused(request.initiator(), request.idempotencyKey())
                        .filter(Boolean::booleanValue)
                        .map(refused -> PayoutResult.refused(Rejection.of(RejectionCode.IDEMPOTENCY_KEY_REUSED,
                                "This idempotencyKey was already used for a different request: use a new key for a "
                                        + "new " + what, "input", "idempotencyKey")))));
    }
}
