package com.ventusvault.payments.escrow;

import com.ventusvault.payments.domain.AccountId;
import com.ventusvault.payments.domain.AccountKind;
import com.ventusvault.payments.domain.PlanResult;
import com.ventusvault.payments.domain.TransferKind;
import com.ventusvault.payments.domain.TransferOutcome;
import com.ventusvault.payments.domain.TransferPlan;
import com.ventusvault.payments.domain.TransferRequest;
import com.ventusvault.payments.escrow.EscrowRules.Action;
import com.ventusvault.payments.escrow.EscrowRules.Decision;
import com.ventusvault.payments.persistence.LedgerAccountRepository;
import com.ventusvault.payments.audit.PostingAudit;
import com.ventusvault.payments.persistence.LedgerPoster;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Resolves escrows (release, cancel, expiry) at most once. In ONE database transaction: lock the escrow row, let
 * {@link EscrowRules#decide} judge it on the injected {@link Clock}, post the resolution transfer through
 * {@link LedgerPoster} (which locks the accounts in ascending id order), then compare-and-set the row from HELD. The
 * row lock serialises a racing release and cancel: the second sees the first's outcome. The resolution transfer is
 * initiated by the escrow (initiator id = escrow id) under {@link #RESOLUTION_KEY}: the transfer table's unique
 * (initiator, key) is a second, database-level guard that an escrow's money moves out once.
 */
@Service
public class EscrowResolution {

    /** The idempotency key of every resolution transfer; its initiator is the escrow's id. */
    public static final String RESOLUTION_KEY = "escrow-resolution";

    private final EscrowRepository escrows;
    private final LedgerAccountRepository accounts;
    private final LedgerPoster poster;
    private final TransactionalOperator transactions;
    private final Clock clock;

    public EscrowResolution(EscrowRepository escrows, LedgerAccountRepository accounts, LedgerPoster poster,
                            TransactionalOperator transactions, Clock clock) {
        this.escrows = escrows;
        this.accounts = accounts;
        this.poster = poster;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** {@code releaseEscrow} / {@code cancelEscrow} by a signed-in user. */
    public Mono<EscrowOutcome> resolve(String escrowId, Action action, UUID actor, boolean actorIsStaff) {
        if (action == Action.EXPIRE) {
            throw new IllegalArgumentException("Expiry is the sweep's: use expire(id)");
        }
        Optional<EscrowId> id = EscrowId.parse(escrowId);
        if (id.isEmpty()) {
            return Mono.just(new EscrowOutcome.Refused(EscrowRules.notFound(), null));
        }
        return run(id.get(), action, actor, actorIsStaff)
                .defaultIfEmpty(new EscrowOutcome.Refused(EscrowRules.notFound(), null));
    }

    /** Expires the escrow if it is still HELD and due; empty if there was nothing to do. */
    public Mono<Escrow> expire(EscrowId id) {
        return run(id, Action.EXPIRE, null, false).flatMap(outcome -> outcome instanceof EscrowOutcome.Done done
                ? Mono.just(done.escrow()) : Mono.empty());
    }

    private Mono<EscrowOutcome> run(EscrowId id, Action action, UUID actor, boolean actorIsStaff) {
        return transactions.execute(tx -> escrows.lock(id).flatMap(escrow -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            return switch (EscrowRules.decide(escrow, action, actor, actorIsStaff, now)) {
                case Decision.Unchanged unchanged -> Mono.just((EscrowOutcome) new EscrowOutcome.Done(unchanged.escrow()));
                case Decision.Refuse refuse -> Mono.just((EscrowOutcome) new EscrowOutcome.Refused(refuse.rejection(),
                        refuse.visible() ? escrow : null));
                case Decision.Skip skip -> Mono.<EscrowOutcome>empty();
                case Decision.Resolve resolve -> move(escrow, resolve.to(),
                        resolve.to() == EscrowStatus.EXPIRED ? null : actor, now)
                        .map(resolved -> resolve.thenRefuse() == null
                                ? new EscrowOutcome.Done(resolved)
                                : new EscrowOutcome.Refused(resolve.thenRefuse(), resolved));
            };
        })).singleOrEmpty();
    }

    /**
     * Posts the release or refund and marks the escrow resolved, in the caller's transaction. The resolution transfer
     * is initiated by the escrow itself (initiator id = escrow id, key {@link #RESOLUTION_KEY}), so the database's
     * unique (initiator, key) admits one resolution transfer per escrow whoever resolves it; the escrow row records
     * who did ({@code resolvedBy}, null for an expiry).
     */
    private Mono<Escrow> move(Escrow escrow, EscrowStatus to, UUID resolvedBy, Instant now) {
        return accounts.systemAccount(AccountKind.ESCROW_HOLDING, escrow.amount().currency())
                .flatMap(holding -> accounts.feeRevenueShards(escrow.amount().currency()).flatMap(shards -> {
                    // The fee goes to one fee revenue shard, picked by escrow id, so releases do not queue on one row.
                    AccountId feeRevenue = shards.get(Math.floorMod(escrow.id().hashCode(), shards.size()));
                    TransferPlan plan = to == EscrowStatus.RELEASED
                            ? EscrowRules.release(escrow, holding, feeRevenue)
                            : EscrowRules.refund(escrow, holding);
                    TransferRequest request = new TransferRequest(escrow.id().value(), TransferKind.ESCROW, holding,
                            TransferRequest.walletRecipient(plan.to()), plan.amount(),
                            "Escrow " + escrow.id() + " " + to.name().toLowerCase(java.util.Locale.ROOT), RESOLUTION_KEY);
                    List<AccountId> involved = plan.postings().stream().map(p -> p.account()).toList();
                    // payments.escrow.released / .cancelled / .expired, by the actor (the system for an expiry).
                    return poster.post(request, involved, locked -> new PlanResult.Planned(plan), new PostingAudit(
                            "payments.escrow." + to.name().toLowerCase(java.util.Locale.ROOT), "escrow:" + escrow.id()));
                }))
                .flatMap(outcome -> switch (outcome) {
                    case TransferOutcome.Posted posted ->
                            escrows.resolve(escrow.id(), to, now, posted.transfer().id(), resolvedBy);
                    case TransferOutcome.Replayed replayed -> Mono.error(new IllegalStateException("Escrow " + escrow.id()
                            + " is HELD under lock, yet its resolution transfer " + replayed.transfer().id() + " exists"));
                    case TransferOutcome.Refused refused -> Mono.error(new IllegalStateException("Resolving escrow "
                            + escrow.id() + " was refused: " + refused.rejection()));
                })
                .flatMap(updated -> updated ? escrows.findById(escrow.id())
                        : Mono.error(new IllegalStateException("Escrow " + escrow.id() + " left HELD under its lock")));
    }
}
