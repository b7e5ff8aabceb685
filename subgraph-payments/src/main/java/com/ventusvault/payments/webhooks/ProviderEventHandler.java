package com.ventusvault.payments.webhooks;

import com.ventusvault.payments.domain.TransferId;
import com.ventusvault.payments.domain.TransferKind;
import com.ventusvault.payments.payouts.PayoutReversals;
import com.ventusvault.payments.payouts.PayoutSettlement;
import com.ventusvault.payments.payouts.ProviderDeposits;
import com.ventusvault.payments.payouts.ProviderDepositRepository;
import com.ventusvault.payments.payouts.Settled;
import com.ventusvault.payments.persistence.StoredTransfer;
import com.ventusvault.payments.persistence.TransferRepository;
import com.ventusvault.payments.providers.ProviderEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Applies a verified provider event exactly once: in one transaction it claims (provider, event id), applies the
 * effect (complete / fail a payout, refund a reversed one ({@link PayoutReversals}), complete / fail a provider
 * deposit) and records the outcome. A replayed event
 * finds its claim and changes nothing; an event for a reference we do not know is recorded and logged. Effects are
 * compare-and-set transitions, so two different events saying the same thing still settle a transfer once.
 */
@Component
public class ProviderEventHandler {

    private static final Logger log = LoggerFactory.getLogger(ProviderEventHandler.class);

    /** Outcome of an event seen before. */
    public static final String REPLAYED = "REPLAYED";
    /** Outcome of an event naming no transfer of ours. */
    public static final String UNKNOWN_REFERENCE = "UNKNOWN_REFERENCE";
    /** Outcome of a payout event for a deposit or the other way round, or from another provider than the charge's. */
    public static final String NOT_APPLICABLE = "NOT_APPLICABLE";

    private final WebhookEventRepository events;
    private final TransferRepository transfers;
    private final ProviderDepositRepository deposits;
    private final PayoutSettlement payouts;
    private final PayoutReversals reversals;
    private final ProviderDeposits onRamp;
    private final TransactionalOperator transactions;

    public ProviderEventHandler(WebhookEventRepository events, TransferRepository transfers,
                                ProviderDepositRepository deposits, PayoutSettlement payouts, PayoutReversals reversals,
                                ProviderDeposits onRamp, TransactionalOperator transactions) {
        this.events = events;
        this.transfers = transfers;
        this.deposits = deposits;
        this.payouts = payouts;
        this.reversals = reversals;
        this.onRamp = onRamp;
        this.transactions = transactions;
    }

    /** Handles the event and answers its outcome ({@link Settled} name, {@link #REPLAYED}, ...). */
    public Mono<String> handle(ProviderEvent event) {
        return transactions.transactional(events.claim(event).flatMap(claimed -> {
            if (!claimed) {
                log.info("{} webhook event {} ({}) is a replay: ignored", event.provider(), event.eventId(), event.type());
                return Mono.just(REPLAYED);
            }
            return apply(event).flatMap(outcome -> events.recordOutcome(event, outcome).thenReturn(outcome));
        }));
    }

    private Mono<String> apply(ProviderEvent event) {
        return find(event).flatMap(stored -> {
            TransferId id = stored.transfer().id();
            TransferKind kind = stored.transfer().kind();
            String reason = event.provider() + (event.reason().isBlank() ? "" : ": " + event.reason());
            Mono<Settled> effect = switch (event.type()) {
                case PAYOUT_SUCCEEDED -> kind != TransferKind.PAYOUT ? Mono.empty()
                        : payouts.complete(id, event.provider(), event.provider() + " paid the beneficiary");
                case PAYOUT_FAILED -> kind != TransferKind.PAYOUT ? Mono.empty()
                        : payouts.failAndCompensate(id, "PROVIDER_FAILED", "The payout failed at " + reason);
                case PAYOUT_REVERSED -> kind != TransferKind.PAYOUT ? Mono.empty()
                        : reversals.reverse(id, event.provider(), event.eventId(), reason);
                case CHARGE_SUCCEEDED -> kind != TransferKind.DEPOSIT ? Mono.empty()
                        : chargeOf(id, event).flatMap(ok -> onRamp.complete(id, event.provider(),
                                event.provider() + " collected the deposit"));
                case CHARGE_FAILED -> kind != TransferKind.DEPOSIT ? Mono.empty()
                        : chargeOf(id, event).flatMap(ok -> onRamp.fail(id, event.provider(), event.reason()));
            };
            return effect.map(Enum::name).defaultIfEmpty(NOT_APPLICABLE);
        }).switchIfEmpty(Mono.fromSupplier(() -> {
            log.info("{} webhook event {} ({}) names no transfer of ours ({}): recorded, nothing changed",
                    event.provider(), event.eventId(), event.type(), event.reference());
            return UNKNOWN_REFERENCE;
        })).doOnNext(outcome -> {
            if (NOT_APPLICABLE.equals(outcome)) {
                log.warn("{} webhook event {} ({}) does not apply to transfer {}: nothing changed", event.provider(),
                        event.eventId(), event.type(), event.reference());
            }
        });
    }

    /** The transfer the event names: our id, or (deposits) the provider's own reference of the charge. */
    private Mono<StoredTransfer> find(ProviderEvent event) {
        Mono<StoredTransfer> byOurId = TransferId.parse(event.reference()).map(transfers::findById).orElse(Mono.empty());
        return byOurId.switchIfEmpty(Mono.defer(() -> deposits.findByProviderReference(event.provider(), event.reference())
                .flatMap(deposit -> transfers.findById(deposit.transfer()))));
    }

    /** A charge event counts only from the provider the charge was started at. */
    private Mono<Boolean> chargeOf(TransferId id, ProviderEvent event) {
        return deposits.find(id).map(deposit -> deposit.provider() == event.provider()).filter(Boolean::booleanValue);
    }
}
