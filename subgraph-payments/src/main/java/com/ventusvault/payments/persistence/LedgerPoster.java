package com.ventusvault.payments.persistence;

import com.ventusvault.payments.domain.AccountId;
import com.ventusvault.payments.domain.LedgerAccount;
import com.ventusvault.payments.domain.PlanResult;
import com.ventusvault.payments.domain.Rejection;
import com.ventusvault.payments.domain.RejectionCode;
import com.ventusvault.payments.domain.Transfer;
import com.ventusvault.payments.domain.TransferId;
import com.ventusvault.payments.domain.TransferOutcome;
import com.ventusvault.payments.domain.TransferPlan;
import com.ventusvault.payments.domain.TransferRequest;
import com.ventusvault.payments.domain.TransferStatus;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Writes a transfer exactly once, in one database transaction:
 * <ol>
 *   <li>lock every account it touches, in ascending id order (no deadlocks, no overdrafts between check and write);</li>
 *   <li>if the initiator already used the idempotency key, return that transfer (same request) or refuse
 *       ({@code IDEMPOTENCY_KEY_REUSED}) without posting;</li>
 *   <li>let the {@link com.ventusvault.payments.domain.Ledger} rules plan the postings from the locked balances, or refuse;</li>
 *   <li>claim the key with the transfer row (the unique constraint settles a race the locks did not serialise: the
 *       loser returns the winner's transfer), then append the journal entries, which move the cached balances.</li>
 * </ol>
 * At commit the database checks that the entries of the transfer sum to zero. A refusal rolls the transaction back.
 */
@Component
public class LedgerPoster {

    private final LedgerAccountRepository accounts;
    private final TransferRepository transfers;
    private final TransactionalOperator transactions;
    private final Clock clock;

    public LedgerPoster(LedgerAccountRepository accounts, TransferRepository transfers, TransactionalOperator transactions,
                        Clock clock) {
        this.accounts = accounts;
        this.transfers = transfers;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Posts the request. {@code planner} gets the locked accounts by id (missing ones are absent) and decides.
     */
    public Mono<TransferOutcome> post(TransferRequest request, List<AccountId> involved,
                                      Function<Map<AccountId, LedgerAccount>, PlanResult> planner) {
        return post(request, Mono.just(new Scope(involved, planner)));
    }

    /**
     * Posts the request, working out what it touches inside the transaction, before any lock: {@code scope} may
     * write (open the recipient's wallet) and those writes commit only if the transfer is posted. Any refusal
     * rolls the whole transaction back, so a refused payment leaves nothing behind.
     */
    public Mono<TransferOutcome> post(TransferRequest request, Mono<Scope> scope) {
        String fingerprint = request.fingerprint();
        return transactions.execute(transaction -> scope.flatMap(found -> accounts.lockInIdOrder(found.involved())
                        .collectMap(LedgerAccount::id, Function.identity())
                        .flatMap(locked -> transfers.findByKey(request.initiator(), request.idempotencyKey())
                                .map(existing -> replay(existing, fingerprint))
                                .switchIfEmpty(Mono.defer(() ->
                                        planAndWrite(request, fingerprint, found.planner().apply(locked))))))
                        .doOnNext(outcome -> {
                            if (outcome instanceof TransferOutcome.Refused) {
                                transaction.setRollbackOnly();
                            }
                        }))
                .single();
    }

    /**
     * What a transfer touches and how to plan it once those accounts are locked.
     *
     * @param involved the accounts to lock, in any order (they are locked in id order)
     * @param planner  gets the locked accounts by id (missing ones are absent) and decides
     */
    public record Scope(List<AccountId> involved, Function<Map<AccountId, LedgerAccount>, PlanResult> planner) {

        public Scope {
            involved = List.copyOf(involved);
        }
    }

    /** What a request whose key is already taken gets: the original transfer, or a refusal if it asked for more. */
    public static TransferOutcome replay(StoredTransfer existing, String fingerprint) {
        if (existing.fingerprint().equals(fingerprint)) {
            return new TransferOutcome.Replayed(existing.transfer());
        }
        return new TransferOutcome.Refused(Rejection.of(RejectionCode.IDEMPOTENCY_KEY_REUSED,
                "This idempotencyKey was already used for a different request (transfer " + existing.transfer().id()
                        + "): use a new key for a new payment", "input", "idempotencyKey"));
    }

    private Mono<TransferOutcome> planAndWrite(TransferRequest request, String fingerprint, PlanResult result) {
        return switch (result) {
            case PlanResult.Rejected rejected -> Mono.just(new TransferOutcome.Refused(rejected.rejection()));
            case PlanResult.Planned planned -> write(request, fingerprint, planned.plan());
        };
    }

    private Mono<TransferOutcome> write(TransferRequest request, String fingerprint, TransferPlan plan) {
        Transfer transfer = new Transfer(TransferId.random(), plan.kind(), TransferStatus.COMPLETED, plan.amount(),
                plan.fee(), plan.from(), plan.to(), request.note(), request.initiator(),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        return transfers.insert(transfer, request.idempotencyKey(), fingerprint, null)
                .flatMap(claimed -> claimed
                        ? transfers.appendEntries(transfer.id(), plan.postings())
                                .thenReturn((TransferOutcome) new TransferOutcome.Posted(transfer))
                        : transfers.findByKey(request.initiator(), request.idempotencyKey())
                                .map(winner -> replay(winner, fingerprint))
                                .switchIfEmpty(Mono.error(() -> new IllegalStateException("Transfer key "
                                        + request.idempotencyKey() + " of user " + request.initiator()
                                        + " was not claimed, yet no transfer holds it"))));
    }

}
