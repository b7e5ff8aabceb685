package com.ventusvault.payments.graphql;

import com.ventusvault.payments.audit.AuditOrigin;
import com.ventusvault.payments.domain.TransferId;
import com.ventusvault.payments.domain.TransferKind;
import com.ventusvault.payments.domain.TransferStatus;
import com.ventusvault.payments.payouts.PayoutDetail;
import com.ventusvault.payments.payouts.PayoutDetailRepository;
import com.ventusvault.payments.payouts.PayoutInput;
import com.ventusvault.payments.payouts.PayoutResult;
import com.ventusvault.payments.payouts.PayoutService;
import com.ventusvault.payments.payouts.ProviderDeposit;
import com.ventusvault.payments.payouts.ProviderDepositRepository;
import com.ventusvault.platform.requests.RequestFacts;
import com.ventusvault.platform.security.Viewer;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * Payouts in the API: {@code requestPayout}, and {@code Transfer.payout} / {@code Transfer.deposit}, each loaded for
 * all transfers of a response in one query.
 */
@Controller
public class PayoutController {

    /** Statuses in which a provider has (or had) the payout, so our reference exists there. */
    private static final Set<TransferStatus> SENT = EnumSet.of(TransferStatus.SENT_TO_PROVIDER,
            TransferStatus.PROVIDER_PROCESSING, TransferStatus.COMPLETED);

    private final PayoutService payouts;
    private final PayoutDetailRepository details;
    private final ProviderDepositRepository deposits;

    public PayoutController(PayoutService payouts, PayoutDetailRepository details, ProviderDepositRepository deposits) {
        this.payouts = payouts;
        this.details = details;
        this.deposits = deposits;
    }

    @MutationMapping
    public Mono<TransferPayload> requestPayout(@Argument("input") PayoutInput input, Viewer viewer, RequestFacts facts) {
        return payouts.request(viewer.userId(), input).map(PayoutController::payload)
                .contextWrite(AuditOrigin.of(viewer, facts).context());
    }

    /** A payout or provider-deposit result as the mutation payload (shared with the provider branch of deposit). */
    static TransferPayload payload(PayoutResult result) {
        return new TransferPayload(result.transfer() == null ? null : Transfer.of(result.transfer()),
                result.refusal().map(UserError::of).map(List::of).orElse(List.of()));
    }

    @BatchMapping(typeName = "Transfer", field = "payout")
    public Mono<Map<Transfer, PayoutDetails>> payout(List<Transfer> transfers) {
        List<Transfer> relevant = transfers.stream().filter(t -> t.kind() == TransferKind.PAYOUT).toList();
        if (relevant.isEmpty()) {
            return Mono.just(Map.of());
        }
        Map<TransferId, Transfer> byId = index(relevant);
        return details.findAll(byId.keySet())
                .collectMap(PayoutDetail::transfer, Function.identity())
                .map(found -> {
                    Map<Transfer, PayoutDetails> result = new HashMap<>();
                    found.forEach((id, detail) -> result.put(byId.get(id),
                            PayoutDetails.of(detail, SENT.contains(byId.get(id).status()) || detail.provider() != null
                                    && detail.providerTransferId() != null)));
                    return result;
                });
    }

    @BatchMapping(typeName = "Transfer", field = "deposit")
    public Mono<Map<Transfer, DepositDetails>> deposit(List<Transfer> transfers) {
        List<Transfer> relevant = transfers.stream().filter(t -> t.kind() == TransferKind.DEPOSIT).toList();
        if (relevant.isEmpty()) {
            return Mono.just(Map.of());
        }
        Map<TransferId, Transfer> byId = index(relevant);
        return deposits.findAll(byId.keySet())
                .collectMap(ProviderDeposit::transfer, Function.identity())
                .map(found -> {
                    Map<Transfer, DepositDetails> result = new HashMap<>();
                    found.forEach((id, deposit) -> result.put(byId.get(id), DepositDetails.of(deposit)));
                    return result;
                });
    }

    private static Map<TransferId, Transfer> index(List<Transfer> transfers) {
        return transfers.stream().collect(Collectors.toMap(t -> TransferId.parse(t.id()).orElseThrow(),
                Function.identity(), (first, second) -> first));
    }
}
