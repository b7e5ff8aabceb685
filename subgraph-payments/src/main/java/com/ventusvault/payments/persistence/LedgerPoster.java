package com.ventusvault.payments.persistence;

import com.ventusvault.payments.audit.AuditOrigin;
import com.ventusvault.payments.audit.AuditOutbox;
import com.ventusvault.payments.audit.PostingAudit;
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
import java.util.Optional;
import java.util.function.Function;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Writes a transfer exactly once, in one database transaction:
 * <ol>
 *   <li>take the idempotency key's lock (a transaction-scoped advisory lock on (initiator, key)), so requests with one
 *       key run one after the other and cannot get different answers;</li>
 *   <li>if the key was already used, answer as the first time: the original transfer or refusal (same request) or
 *       {@code IDEMPOTENCY_KEY_REUSED} (another request), without posting;</li>
 *   <li>lock every account the transfer touches, in ascending id order (no deadlocks, no overdrafts between check and
 *       write), and let the {@link com.ventusvault.payments.domain.Ledger} rules plan the postings, or refuse; money
 *       leaving a wallet must also fit its {@link OutgoingLimits} (LIMIT_EXCEEDED);</li>
 *   <li>claim the key with the transfer row and its first history row (the unique constraint stays as a backstop)
 *       and append the journal entries, which move the cached balances, in one statement (entries only if the key
 *       was claimed).</li>
 * </ol>
 * At commit the database checks that the entries of the transfer sum to zero. A refusal rolls the transaction back
 * (so whatever the scope wrote, e.g. a recipient's wallet, disappears) and is then recorded under the key in a second
 * transaction that takes the key's lock again: if another request with the key got there in between, its answer wins
 * and is returned instead, so a key still has exactly one answer.
 */
@Component
public class LedgerPoster {

    /** Namespace of the advisory locks on idempotency keys (first key of {@code pg_advisory_xact_lock(int, int)}). */
    private static final int KEY_LOCK_SPACE = 4002;

    private final LedgerAccountRepository accounts;
    private final TransferRepository transfers;
    private final RefusedRequests refusals;
    private final KeyAnswers keys;
    private final OutgoingLimits limits;
    private final TransactionalOperator transactions;
    private final DatabaseClient database;
    private final Clock clock;
    private final AuditOutbox auditOutbox;

    public LedgerPoster(LedgerAccountRepository accounts, TransferRepository transfers, RefusedRequests refusals,
                        KeyAnswers keys, OutgoingLimits limits, TransactionalOperator transactions, DatabaseClient database,
                        Clock clock, AuditOutbox auditOutbox) {
        this.auditOutbox = auditOutbox;
        this.accounts = accounts;
        this.transfers = transfers;
        this.refusals = refusals;
        this.keys = keys;
        this.limits = limits;
        this.transactions = transactions;
        this.database = database;
        this.clock = clock;
    }

    /**
     * Posts the request. {@code planner} gets the locked accounts by id (missing ones are absent) and decides.
     */
    public Mono<TransferOutcome> post(TransferRequest request, List<AccountId> involved,
                                      Function<Map<AccountId, LedgerAccount>, PlanResult> planner, PostingAudit audit) {
        return post(request, Mono.just(new Scope(involved, planner)), audit);
    }

    /**
     * Posts the request, working out what it touches inside the transaction, before any account lock: {@code scope}
     * may write (open the recipient's wallet) and those writes commit only if the transfer is posted. A refusal rolls
     * the whole transaction back, so a refused payment leaves nothing behind but the refusal under its key.
     *
     * <p>A posted transfer is audited ({@code audit}, attributed to the running {@link AuditOrigin}) by an
     * {@code AuditRecorded} outbox event written in the transfer's own insert statement; replays and refusals are not
     * money movements and write none.
     */
    public Mono<TransferOutcome> post(TransferRequest request, Mono<Scope> scope, PostingAudit audit) {
        String fingerprint = request.fingerprint();
        return transactions.execute(transaction -> lockKey(request)
                        .then(previousAnswer(request, fingerprint).map(outcome -> new Attempt(outcome, false)))
                        .switchIfEmpty(Mono.defer(() -> scope.flatMap(found -> accounts.lockInIdOrder(found.involved())
                                .collectMap(LedgerAccount::id, Function.identity())
                                .flatMap(locked -> planAndWrite(request, fingerprint, found.planner().apply(locked),
                                        locked, audit)))))
                        .doOnNext(attempt -> {
                            if (attempt.outcome() instanceof TransferOutcome.Refused) {
                                transaction.setRollbackOnly();
                            }
                        }))
                .single()
                .flatMap(attempt -> attempt.freshRefusal()
                        ? refuse(request, ((TransferOutcome.Refused) attempt.outcome()).rejection())
                        : Mono.just(attempt.outcome()));
    }

    /**
     * Refuses the request and records the refusal under its key, unless the key already has an answer (then that
     * answer is returned). For refusals decided outside {@link #post} (e.g. no user has the recipient email).
     */
    public Mono<TransferOutcome> refuse(TransferRequest request, Rejection rejection) {
        String fingerprint = request.fingerprint();
        return transactions.transactional(lockKey(request)
                .then(previousAnswer(request, fingerprint))
                .switchIfEmpty(Mono.defer(() -> refusals.record(request, fingerprint, rejection)
                        .thenReturn((TransferOutcome) new TransferOutcome.Refused(rejection)))));
    }

    /**
     * What the key has already answered, read without locks: the original transfer ({@code Replayed}) or refusal for
     * the same request, {@code IDEMPOTENCY_KEY_REUSED} for another; empty when the key is unused.
     */
    public Mono<TransferOutcome> previousAnswer(TransferRequest request) {
        return previousAnswer(request, request.fingerprint());
    }

    private Mono<TransferOutcome> previousAnswer(TransferRequest request, String fingerprint) {
        return keys.previousAnswer(request.initiator(), request.idempotencyKey(), fingerprint);
    }

    private Mono<Void> lockKey(TransferRequest request) {
        return database.sql("select pg_advisory_xact_lock(" + KEY_LOCK_SPACE + ", hashtext(:user || '/' || :key))")
                .bind("user", request.initiator().toString()).bind("key", request.idempotencyKey())
                .then();
    }

    /** An outcome, and whether it is a refusal decided now (to be recorded under the key). */
    private record Attempt(TransferOutcome outcome, boolean freshRefusal) {
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

    /** What a request whose key already refused a request gets: the same refusal, or IDEMPOTENCY_KEY_REUSED. */
    public static TransferOutcome replay(RefusedRequests.StoredRefusal refused, String fingerprint) {
        if (refused.fingerprint().equals(fingerprint)) {
            return new TransferOutcome.Refused(refused.rejection());
        }
        return new TransferOutcome.Refused(Rejection.of(RejectionCode.IDEMPOTENCY_KEY_REUSED,
                "This idempotencyKey was already used for a different request, which was refused ("
                        + refused.rejection().code() + "): use a new key for a new payment", "input", "idempotencyKey"));
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

    private Mono<Attempt> planAndWrite(TransferRequest request, String fingerprint, PlanResult result,
                                       Map<AccountId, LedgerAccount> locked, PostingAudit audit) {
        return switch (result) {
            case PlanResult.Rejected rejected -> Mono.just(new Attempt(new TransferOutcome.Refused(rejected.rejection()), true));
            case PlanResult.Planned planned -> withinLimits(planned.plan()).flatMap(refusal -> refusal
                    .map(rejection -> Mono.just(new Attempt(new TransferOutcome.Refused(rejection), true)))
                    .orElseGet(() -> write(request, fingerprint, planned.plan(), locked, audit)
                            .map(outcome -> new Attempt(outcome, false))));
        };
    }

    /** Outgoing limits for money leaving a wallet (P2P, escrow, payout), checked with the accounts locked. */
    private Mono<Optional<Rejection>> withinLimits(TransferPlan plan) {
        boolean outgoing = plan.from() != null && switch (plan.kind()) {
            case P2P, ESCROW, PAYOUT -> true;
            case DEPOSIT, TRADE, FEE -> false;
        };
        return outgoing ? limits.check(plan.from(), plan.amount()) : Mono.just(Optional.empty());
    }

    private Mono<TransferOutcome> write(TransferRequest request, String fingerprint, TransferPlan plan,
                                       Map<AccountId, LedgerAccount> locked, PostingAudit audit) {
        Transfer transfer = new Transfer(TransferId.random(), plan.kind(), TransferStatus.COMPLETED, plan.amount(),
                plan.fee(), plan.from(), plan.to(), request.note(), request.initiator(),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        return auditOutbox.event(audit.action(), audit.targetOf(transfer), PostingAudit.details(transfer,
                        plan.from() == null ? null : locked.get(plan.from()), plan.to() == null ? null : locked.get(plan.to())))
                .flatMap(event -> transfers.insert(transfer, request.idempotencyKey(), fingerprint, null,
                        plan.postings(), event))
                .flatMap(claimed -> claimed
                        ? Mono.just((TransferOutcome) new TransferOutcome.Posted(transfer))
                        : transfers.findByKey(request.initiator(), request.idempotencyKey())
                                .map(winner -> replay(winner, fingerprint))
                                .switchIfEmpty(Mono.error(() -> new IllegalStateException("Transfer key "
                                        + request.idempotencyKey() + " of user " + request.initiator()
                                        + " was not claimed, yet no transfer holds it"))));
    }

}
