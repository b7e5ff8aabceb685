package com.ventusvault.payments.payouts;

import static com.ventusvault.payments.domain.TransferStatus.BALANCE_RESERVED;
import static com.ventusvault.payments.domain.TransferStatus.PROVIDER_PROCESSING;
import static com.ventusvault.payments.domain.TransferStatus.SENT_TO_PROVIDER;

import com.ventusvault.payments.domain.Transfer;
import com.ventusvault.payments.domain.TransferId;
import com.ventusvault.payments.persistence.TransferRepository;
import com.ventusvault.payments.providers.PayoutOrder;
import com.ventusvault.payments.providers.PayoutProviders;
import com.ventusvault.payments.providers.ProviderName;
import com.ventusvault.payments.providers.ProviderRejection;
import com.ventusvault.payments.providers.ProviderState;
import com.ventusvault.payments.providers.ProviderStatus;
import com.ventusvault.payments.providers.ProviderUnavailable;
import com.ventusvault.payments.providers.Submission;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The asynchronous half of a payout: sends reserved payouts to the provider (BALANCE_RESERVED -> SENT_TO_PROVIDER ->
 * PROVIDER_PROCESSING), asks the provider about payouts it has not confirmed, and resumes whatever a restart
 * interrupted. {@link #advance} moves one payout as far as it can go now; {@link #scan} does that for every unfinished
 * payout (run periodically by {@link PayoutScheduler}; tests call it directly). Every step is a compare-and-set, so a
 * kick, a scan and a webhook working on one payout at once never send it twice or settle it twice; sending again after
 * a crash in SENT_TO_PROVIDER is safe because the transfer id is the provider's idempotency key.
 */
@Component
public class PayoutWorker {

    private static final Logger log = LoggerFactory.getLogger(PayoutWorker.class);
    private static final int SCAN_BATCH = 500;

    private final TransferRepository transfers;
    private final PayoutDetailRepository details;
    private final PayoutProviders providers;
    private final PayoutSettlement settlement;
    private final PayoutsProperties properties;
    private final Clock clock;

    public PayoutWorker(TransferRepository transfers, PayoutDetailRepository details, PayoutProviders providers,
                        PayoutSettlement settlement, PayoutsProperties properties, Clock clock) {
        this.transfers = transfers;
        this.details = details;
        this.providers = providers;
        this.settlement = settlement;
        this.properties = properties;
        this.clock = clock;
    }

    /** Advances every unfinished payout once, oldest first; errors of one payout do not stop the others. */
    public Mono<Long> scan() {
        Instant now = clock.instant();
        return details.unfinished(now.minus(properties.abandonAfter()), SCAN_BATCH)
                .concatMap(id -> advance(id).onErrorResume(error -> {
                    log.warn("Payout {} could not be advanced now (retried on the next scan): {}", id, error.toString());
                    return Mono.empty();
                }).thenReturn(id))
                .count();
    }

    /** Moves one payout as far as it can go now (nothing for a finished one, or one the provider is still working on). */
    public Mono<Void> advance(TransferId id) {
        return Mono.zip(transfers.findById(id), details.find(id)).flatMap(found -> {
            Transfer transfer = found.getT1().transfer();
            PayoutDetail detail = found.getT2();
            return switch (transfer.status()) {
                case BALANCE_RESERVED -> sendReserved(transfer, detail);
                case SENT_TO_PROVIDER -> send(transfer, detail);
                case PROVIDER_PROCESSING -> isDue(detail) ? checkStatus(transfer, detail) : Mono.<Void>empty();
                case FAILED -> detail.hold() == null ? Mono.<Void>empty() : settlement.compensate(id).then();
                case INITIATED, VALIDATING -> transfer.createdAt().isBefore(clock.instant().minus(properties.abandonAfter()))
                        ? settlement.abandon(id, transfer.status()).then() : Mono.<Void>empty();
                case COMPLETED, EXPIRED, COMPENSATING, COMPENSATED -> Mono.<Void>empty();
            };
        });
    }

    /** Asks the provider now about a payout it has, whenever it was last asked. */
    public Mono<Void> checkStatus(TransferId id) {
        return Mono.zip(transfers.findById(id), details.find(id))
                .filter(found -> found.getT1().transfer().status() == PROVIDER_PROCESSING)
                .flatMap(found -> checkStatus(found.getT1().transfer(), found.getT2()));
    }

    private boolean isDue(PayoutDetail detail) {
        return detail.lastCheckedAt() == null
                || !detail.lastCheckedAt().plus(properties.statusCheckAfter()).isAfter(clock.instant());
    }

    /** A payout is sent only while its hold still holds; one whose hold ran out is EXPIRED instead. */
    private Mono<Void> sendReserved(Transfer transfer, PayoutDetail detail) {
        return details.holdState(detail.hold()).flatMap(hold -> {
            if (!hold.pendingAt(clock.instant())) {
                return settlement.expire(transfer.id(), "The balance reservation expired before the payout was sent")
                        .then();
            }
            return transfers.transition(transfer.id(), BALANCE_RESERVED, SENT_TO_PROVIDER,
                            "Sending to " + (detail.provider() == null ? "the router's choice" : detail.provider()))
                    .flatMap(won -> won ? send(transfer, detail) : Mono.<Void>empty());
        });
    }

    private Mono<Void> send(Transfer transfer, PayoutDetail detail) {
        TransferId id = transfer.id();
        PayoutOrder order = new PayoutOrder(id.toString(), transfer.amount(), detail.bankCode(), detail.accountNumber(),
                detail.accountName(), detail.narration());
        return providers.send(order, Optional.ofNullable(detail.provider()))
                .flatMap(submission -> accepted(transfer, submission))
                .onErrorResume(ProviderRejection.class, rejection ->
                        settlement.failAndCompensate(id, rejection.code(), rejection.getMessage()).then())
                .onErrorResume(ProviderUnavailable.class, unavailable -> unavailable(transfer, unavailable));
    }

    /**
     * No provider took the payout, as far as the router knows; but a send may have reached a provider that could not
     * answer. So every provider is asked about the reference first: one that has it takes the payout over; if all
     * say they do not, the payout fails and is compensated; if one cannot be asked, the payout stays
     * SENT_TO_PROVIDER and the next scan sends it again (the reference is idempotent), so money that may have left is
     * never given back.
     */
    private Mono<Void> unavailable(Transfer transfer, ProviderUnavailable error) {
        TransferId id = transfer.id();
        return Flux.fromArray(ProviderName.values())
                .concatMap(provider -> providers.status(provider, id.toString())
                        .map(status -> Map.entry(provider, status)))
                .collectList()
                .flatMap(answers -> {
                    for (Map.Entry<ProviderName, ProviderStatus> answer : answers) {
                        ProviderState state = answer.getValue().state();
                        if (state == ProviderState.PENDING || state == ProviderState.SUCCEEDED) {
                            return accepted(transfer, new Submission(answer.getKey(), "", state));
                        }
                    }
                    if (answers.stream().anyMatch(answer -> answer.getValue().state() == ProviderState.UNKNOWN)) {
                        log.warn("Payout {} was not taken ({}) and a provider cannot say whether it has it: kept "
                                + "SENT_TO_PROVIDER, sent again on the next scan", id, error.getMessage());
                        return details.checked(id, clock.instant());
                    }
                    return settlement.failAndCompensate(id, "PROVIDER_UNAVAILABLE",
                            "No payout provider could take the payout: " + error.getMessage()).then();
                });
    }

    private Mono<Void> accepted(Transfer transfer, Submission submission) {
        TransferId id = transfer.id();
        String taken = submission.provider() + " accepted the payout"
                + (submission.providerTransferId().isEmpty() ? "" : " as " + submission.providerTransferId());
        return details.submitted(id, submission.provider(), submission.providerTransferId(), clock.instant())
                .then(transfers.transition(id, SENT_TO_PROVIDER, PROVIDER_PROCESSING, taken))
                .then(switch (submission.state()) {
                    case SUCCEEDED -> settlement.complete(id, submission.provider(),
                            submission.provider() + " paid the beneficiary").then();
                    case FAILED -> settlement.failAndCompensate(id, "PROVIDER_REJECTED",
                            submission.provider() + " refused the payout").then();
                    case PENDING, UNKNOWN -> Mono.<Void>empty();
                });
    }

    private Mono<Void> checkStatus(Transfer transfer, PayoutDetail detail) {
        TransferId id = transfer.id();
        if (detail.provider() == null) {
            return Mono.empty();
        }
        return providers.status(detail.provider(), id.toString())
                .flatMap(status -> {
                    ProviderState state = status.state();
                    return switch (state) {
                        case SUCCEEDED -> settlement.complete(id, detail.provider(),
                                detail.provider() + " reports the payout paid" + suffix(status.reason())).then();
                        case FAILED -> settlement.failAndCompensate(id, "PROVIDER_FAILED",
                                detail.provider() + " reports the payout failed" + suffix(status.reason())).then();
                        case PENDING, UNKNOWN -> details.checked(id, clock.instant());
                    };
                });
    }

    private static String suffix(String reason) {
        return reason == null || reason.isBlank() ? "" : ": " + reason;
    }
}
