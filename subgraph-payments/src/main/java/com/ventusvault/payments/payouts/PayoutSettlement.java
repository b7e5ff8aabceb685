package com.ventusvault.payments.payouts;

import static com.ventusvault.payments.domain.TransferStatus.BALANCE_RESERVED;
import static com.ventusvault.payments.domain.TransferStatus.COMPENSATED;
import static com.ventusvault.payments.domain.TransferStatus.COMPLETED;
import static com.ventusvault.payments.domain.TransferStatus.EXPIRED;
import static com.ventusvault.payments.domain.TransferStatus.FAILED;
import static com.ventusvault.payments.domain.TransferStatus.PROVIDER_PROCESSING;
import static com.ventusvault.payments.domain.TransferStatus.SENT_TO_PROVIDER;

import com.ventusvault.payments.audit.AuditOutbox;
import com.ventusvault.payments.audit.PostingAudit;
import com.ventusvault.payments.domain.AccountId;
import com.ventusvault.payments.domain.AccountKind;
import com.ventusvault.payments.domain.Currency;
import com.ventusvault.payments.domain.Money;
import com.ventusvault.payments.domain.Posting;
import com.ventusvault.payments.domain.Transfer;
import com.ventusvault.payments.domain.TransferId;
import com.ventusvault.payments.domain.TransferKind;
import com.ventusvault.payments.domain.TransferStatus;
import com.ventusvault.payments.holds.HoldExpired;
import com.ventusvault.payments.holds.HoldResult;
import com.ventusvault.payments.holds.HoldService;
import com.ventusvault.payments.persistence.LedgerAccountRepository;
import com.ventusvault.payments.persistence.StoredTransfer;
import com.ventusvault.payments.persistence.TransferRepository;
import com.ventusvault.payments.providers.ProviderName;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Ends a payout, each ending in one database transaction with its status changes (compare-and-set through
 * {@link TransferRepository}, so a webhook, a status check and a replay racing each other settle it once):
 * <ul>
 *   <li>{@link #complete}: PROVIDER_PROCESSING -> COMPLETED and the hold posted: wallet -(amount + fees),
 *       PROVIDER_CLEARING(provider, NGN) +(amount + provider fee), FEE_REVENUE +platform fee;</li>
 *   <li>{@link #failAndCompensate}: -> FAILED, the hold voided, -> COMPENSATED (nothing debited);</li>
 *   <li>{@link #expire}: BALANCE_RESERVED -> EXPIRED when the hold ran out before the payout was sent. A payout already
 *       with the provider never expires: money may have left, only the provider's answer settles it.</li>
 * </ul>
 */
@Component
public class PayoutSettlement {

    private static final Logger log = LoggerFactory.getLogger(PayoutSettlement.class);

    private final TransferRepository transfers;
    private final PayoutDetailRepository details;
    private final LedgerAccountRepository accounts;
    private final HoldService holds;
    private final TransactionalOperator transactions;
    private final Clock clock;
    private final AuditOutbox audit;

    /** Audit action of a payout paid by the provider (the wallet debited). */
    public static final String COMPLETED_ACTION = "payments.payout.completed";
    /** Audit action of a payout that failed (its reserved balance released). */
    public static final String FAILED_ACTION = "payments.payout.failed";
    /** Audit action of a payout whose reservation expired before it was sent. */
    public static final String EXPIRED_ACTION = "payments.payout.expired";

    public PayoutSettlement(TransferRepository transfers, PayoutDetailRepository details,
                            LedgerAccountRepository accounts, HoldService holds, TransactionalOperator transactions,
                            Clock clock, AuditOutbox audit) {
        this.audit = audit;
        this.transfers = transfers;
        this.details = details;
        this.accounts = accounts;
        this.holds = holds;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The provider paid the beneficiary: debit the wallet through the hold and credit clearing and fee revenue. */
    public Mono<Settled> complete(TransferId id, ProviderName provider, String reason) {
        return transactions.transactional(load(id).flatMap(payout -> {
            Transfer transfer = payout.transfer().transfer();
            // A webhook may overtake the worker recording that the provider accepted the payout.
            Mono<Boolean> processing = transfer.status() == SENT_TO_PROVIDER
                    ? transfers.transition(id, SENT_TO_PROVIDER, PROVIDER_PROCESSING, provider + " took the payout")
                    : Mono.just(true);
            return processing.then(transfers.transition(id, PROVIDER_PROCESSING, COMPLETED, reason))
                    .flatMap(won -> won ? debit(transfer, payout.detail(), provider)
                            .then(record(COMPLETED_ACTION, transfer, Map.of("provider", provider.name())))
                            .thenReturn(Settled.COMPLETED)
                            : Mono.just(Settled.ALREADY_SETTLED));
        }));
    }

    /**
     * The payout failed (provider refusal or failure webhook, nothing available to send it): FAILED with the code and
     * message, then the hold voided and COMPENSATED. A payout already COMPLETED is left alone (NEEDS_REVIEW, logged).
     */
    public Mono<Settled> failAndCompensate(TransferId id, String code, String message) {
        return transactions.transactional(load(id).flatMap(payout -> {
            var status = payout.transfer().transfer().status();
            if (status == COMPLETED) {
                log.warn("Payout {} is COMPLETED but the provider now reports a failure ({}: {}); left for review",
                        id, code, message);
                return Mono.just(Settled.NEEDS_REVIEW);
            }
            if (status == FAILED) {
                return compensate(payout.detail());
            }
            if (!PayoutLifecycle.allows(status, FAILED)) {
                return Mono.just(Settled.ALREADY_SETTLED);
            }
            return transfers.fail(id, status, FAILED, code, message)
                    .flatMap(won -> won ? record(FAILED_ACTION, payout.transfer().transfer(),
                                    Map.of("failureCode", code)).then(compensate(payout.detail()))
                            : Mono.just(Settled.ALREADY_SETTLED));
        }));
    }

    /** Finishes a FAILED payout whose hold is still pending (compensation interrupted by a restart). */
    public Mono<Settled> compensate(TransferId id) {
        return transactions.transactional(details.find(id).flatMap(this::compensate));
    }

    /** The payout's hold expired (or is past its expiry) before the payout was sent: EXPIRED, the hold released. */
    public Mono<Settled> expire(TransferId id, String message) {
        return transactions.transactional(transfers.fail(id, BALANCE_RESERVED, EXPIRED, "HOLD_EXPIRED", message)
                .flatMap(won -> !won ? Mono.just(Settled.ALREADY_SETTLED)
                        : details.find(id).flatMap(detail -> releaseIfPending(detail, message))
                                .then(transfers.findById(id)).flatMap(stored -> record(EXPIRED_ACTION,
                                        stored.transfer(), Map.of()))
                                .thenReturn(Settled.EXPIRED)));
    }

    /** A payout that died before reserving anything (INITIATED or VALIDATING): FAILED, nothing to release. */
    public Mono<Settled> abandon(TransferId id, TransferStatus from) {
        return transfers.fail(id, from, FAILED, "PAYOUT_INTERRUPTED",
                        "The payout request was interrupted before any balance was reserved; nothing was debited")
                .map(won -> won ? Settled.FAILED : Settled.ALREADY_SETTLED);
    }

    /**
     * The ledger's sweep expired a hold. A payout not yet sent is EXPIRED; one with the provider waits for the
     * provider's answer (completion then debits without the hold).
     */
    @EventListener
    public void onHoldExpired(HoldExpired event) {
        transfers.findById(event.transfer())
                .filter(stored -> stored.transfer().kind() == TransferKind.PAYOUT)
                .flatMap(stored -> {
                    var status = stored.transfer().status();
                    if (PayoutLifecycle.expiresWithHold(status)) {
                        return expire(event.transfer(), "The balance reservation expired before the payout was sent");
                    }
                    if (PayoutLifecycle.isWithProvider(status)) {
                        log.warn("Hold {} of payout {} expired while the payout is {}: waiting for the provider's answer",
                                event.hold(), event.transfer(), status);
                    }
                    return Mono.empty();
                })
                .subscribe(null, error -> log.error("Could not expire payout {} after its hold {} expired",
                        event.transfer(), event.hold(), error));
    }

    private Mono<Settled> compensate(PayoutDetail detail) {
        return releaseIfPending(detail, "Payout failed: hold voided, nothing debited")
                .then(detail.hold() == null ? Mono.just(Settled.FAILED)
                        : transfers.transition(detail.transfer(), FAILED, COMPENSATED, "Hold voided: nothing debited")
                                .map(won -> won ? Settled.COMPENSATED : Settled.ALREADY_SETTLED));
    }

    /** Voids the hold when it is still PENDING (an expired or resolved one has released its money already). */
    /** Audits a settlement of the payout, attributed to whoever runs it (a webhook's request, else the system). */
    private Mono<Void> record(String action, Transfer payout, Map<String, Object> extra) {
        Map<String, Object> details = PostingAudit.details(payout, null, null);
        details.put("ownerId", payout.initiator().toString());
        details.putAll(extra);
        return audit.record(action, PostingAudit.transferTarget(payout), details);
    }

    private Mono<Void> releaseIfPending(PayoutDetail detail, String reason) {
        if (detail.hold() == null) {
            return Mono.empty();
        }
        return details.holdState(detail.hold())
                .filter(state -> "PENDING".equals(state.status()))
                .flatMap(state -> holds.voidHold(detail.hold(), reason))
                .doOnNext(result -> {
                    if (result instanceof HoldResult.Refused refused) {
                        log.info("Hold {} of payout {} was not voided: {}", detail.hold(), detail.transfer(),
                                refused.rejection().message());
                    }
                })
                .then();
    }

    private Mono<Void> debit(Transfer transfer, PayoutDetail detail, ProviderName provider) {
        Money fee = transfer.fees().total();
        Money debit = transfer.amount().plus(fee);
        return Mono.zip(accounts.systemAccount(AccountKind.PROVIDER_CLEARING, Currency.NGN, provider.name()),
                        accounts.feeRevenueShards(Currency.NGN))
                .flatMap(system -> {
                    List<AccountId> shards = system.getT2();
                    AccountId feeRevenue = shards.get(ThreadLocalRandom.current().nextInt(shards.size()));
                    List<Posting> postings = new ArrayList<>();
                    postings.add(Posting.debit(transfer.from(), debit));
                    postings.add(Posting.credit(system.getT1(), transfer.amount().plus(transfer.fees().provider())));
                    if (transfer.fees().platform().isPositive()) {
                        postings.add(Posting.credit(feeRevenue, transfer.fees().platform()));
                    }
                    return details.holdState(detail.hold()).flatMap(state -> "PENDING".equals(state.status())
                            && state.pendingAt(clock.instant())
                            ? holds.post(detail.hold(), debit, postings).flatMap(result -> switch (result) {
                                case HoldResult.Held held -> Mono.<Void>empty();
                                case HoldResult.Refused refused -> Mono.error(new IllegalStateException("Payout "
                                        + transfer.id() + " could not post its hold: " + refused.rejection().message()));
                            })
                            : postWithoutHold(transfer, detail, postings));
                });
    }

    /**
     * The hold ran out while the provider had the payout (it never expires the payout itself): the money left, so the
     * wallet is debited directly, under lock. If the wallet no longer covers it the database refuses and the
     * transaction rolls back: the payout stays PROVIDER_PROCESSING and is logged for a person to settle.
     */
    private Mono<Void> postWithoutHold(Transfer transfer, PayoutDetail detail, List<Posting> postings) {
        log.warn("Payout {} completed after its hold {} expired: debiting the wallet without the hold", transfer.id(),
                detail.hold());
        return releaseIfPending(detail, "Expired while the provider had the payout")
                .thenMany(accounts.lockInIdOrder(postings.stream().map(Posting::account).toList()))
                .then(transfers.appendEntries(transfer.id(), postings));
    }

    private Mono<Payout> load(TransferId id) {
        return Mono.zip(transfers.findById(id), details.find(id), Payout::new);
    }

    private record Payout(StoredTransfer transfer, PayoutDetail detail) {
    }
}
