package com.ventusvault.payments.payouts;

import static com.ventusvault.payments.domain.TransferStatus.COMPLETED;

import com.ventusvault.payments.audit.AuditOutbox;
import com.ventusvault.payments.audit.PostingAudit;
import com.ventusvault.payments.domain.AccountKind;
import com.ventusvault.payments.domain.Currency;
import com.ventusvault.payments.domain.Fees;
import com.ventusvault.payments.domain.Posting;
import com.ventusvault.payments.domain.Transfer;
import com.ventusvault.payments.domain.TransferId;
import com.ventusvault.payments.domain.TransferKind;
import com.ventusvault.payments.persistence.LedgerAccountRepository;
import com.ventusvault.payments.persistence.TransferRepository;
import com.ventusvault.payments.providers.ProviderName;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * A provider reversed a payout: the beneficiary's bank sent the money back to the provider.
 * <ul>
 *   <li>Before we completed it (nothing debited yet): it is a failure, {@link PayoutSettlement#failAndCompensate}
 *       (code PAYOUT_REVERSED, the hold voided).</li>
 *   <li>After COMPLETED: a refund transfer gives the wallet back the payout <em>amount</em>, from the clearing account
 *       of the provider that paid (PROVIDER_CLEARING(provider, NGN) -amount, wallet +amount). The fees stay where they
 *       went: the provider keeps its fee and the platform its fee, so the user bears both. The refund is a PAYOUT
 *       transfer into the wallet (from null, to the wallet), COMPLETED, with its history and outbox rows, its note
 *       naming the payout, initiated by the payout's initiator under the key {@code payout-reversal:<payout id>} (so
 *       at most one per payout, whatever the events), and linked in {@code payout_reversal}. The payout itself stays
 *       COMPLETED: the money did leave; the refund is what came back.</li>
 * </ul>
 * Called inside the webhook event's transaction, so a re-delivered event (claimed once) refunds nothing more.
 */
@Component
public class PayoutReversals {

    private static final Logger log = LoggerFactory.getLogger(PayoutReversals.class);

    private final TransferRepository transfers;
    private final PayoutDetailRepository details;
    private final LedgerAccountRepository accounts;
    private final PayoutSettlement settlement;
    private final DatabaseClient database;
    private final TransactionalOperator transactions;
    private final Clock clock;
    private final AuditOutbox audit;

    /** Audit action of a completed payout the provider reversed: its amount refunded to the wallet. */
    public static final String REVERSED = "payments.payout.reversed";

    public PayoutReversals(TransferRepository transfers, PayoutDetailRepository details,
                           LedgerAccountRepository accounts, PayoutSettlement settlement, DatabaseClient database,
                           TransactionalOperator transactions, Clock clock, AuditOutbox audit) {
        this.audit = audit;
        this.transfers = transfers;
        this.details = details;
        this.accounts = accounts;
        this.settlement = settlement;
        this.database = database;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The idempotency key of the refund of a payout (one per payout). */
    public static String refundKey(TransferId payout) {
        return "payout-reversal:" + payout;
    }

    /** Applies the reversal {@code provider} reported in event {@code eventId}; see the class comment. */
    public Mono<Settled> reverse(TransferId id, ProviderName provider, String eventId, String reason) {
        return transactions.transactional(Mono.zip(transfers.findById(id), details.find(id)).flatMap(found -> {
            Transfer payout = found.getT1().transfer();
            if (payout.status() != COMPLETED) {
                return settlement.failAndCompensate(id, "PAYOUT_REVERSED", "The payout was reversed at " + reason);
            }
            if (found.getT2().provider() != provider) {
                log.warn("{} reports payout {} reversed, but {} paid it: left for review", provider, id,
                        found.getT2().provider());
                return Mono.just(Settled.NEEDS_REVIEW);
            }
            return refund(payout, provider, eventId, reason);
        }));
    }

    private Mono<Settled> refund(Transfer payout, ProviderName provider, String eventId, String reason) {
        Transfer refund = new Transfer(TransferId.random(), TransferKind.PAYOUT, COMPLETED, payout.amount(),
                Fees.none(Currency.NGN), null, payout.from(), "Refund of payout " + payout.id() + ", reversed by "
                + provider, payout.initiator(), clock.instant().truncatedTo(ChronoUnit.MICROS));
        String key = refundKey(payout.id());
        return transfers.insert(refund, key, key, "Payout " + payout.id() + " reversed at " + reason
                        + ": its amount is refunded (the fees are not)")
                .flatMap(claimed -> {
                    if (!claimed) {
                        log.info("Payout {} was already refunded after a reversal: nothing more", payout.id());
                        return Mono.just(Settled.ALREADY_SETTLED);
                    }
                    return accounts.systemAccount(AccountKind.PROVIDER_CLEARING, Currency.NGN, provider.name())
                            .flatMap(clearing -> {
                                List<Posting> postings = List.of(Posting.debit(clearing, payout.amount()),
                                        Posting.credit(payout.from(), payout.amount()));
                                return accounts.lockInIdOrder(postings.stream().map(Posting::account).toList())
                                        .then(transfers.appendEntries(refund.id(), postings));
                            })
                            .then(link(payout.id(), refund.id(), provider, eventId))
                            .then(Mono.defer(() -> {
                                java.util.Map<String, Object> details = PostingAudit.details(payout, null, null);
                                details.put("ownerId", payout.initiator().toString());
                                details.put("refundTransferId", refund.id().toString());
                                details.put("provider", provider.name());
                                details.put("providerEventId", eventId);
                                return audit.record(REVERSED, PostingAudit.transferTarget(payout), details);
                            }))
                            .doOnSuccess(done -> log.info("Payout {} reversed by {}: refunded {} in transfer {}",
                                    payout.id(), provider, payout.amount(), refund.id()))
                            .thenReturn(Settled.REFUNDED);
                });
    }

    private Mono<Void> link(TransferId payout, TransferId refund, ProviderName provider, String eventId) {
        return database.sql("insert into payout_reversal (payout_id, refund_transfer_id, provider, event_id, reversed_at) "
                        + "values (:payout, :refund, :provider, :event, :at)")
                .bind("payout", payout.value()).bind("refund", refund.value()).bind("provider", provider.name())
                .bind("event", eventId).bind("at", clock.instant().atOffset(ZoneOffset.UTC))
                .then();
    }
}
