package com.ventusvault.payments.graphql;

import com.ventusvault.payments.audit.AuditOrigin;
import com.ventusvault.payments.domain.AccountId;
import com.ventusvault.payments.domain.LedgerAccount;
import com.ventusvault.payments.domain.TransferId;
import com.ventusvault.payments.payouts.ProviderDeposits;
import com.ventusvault.payments.persistence.LedgerAccountRepository;
import com.ventusvault.payments.persistence.TransferRepository;
import com.ventusvault.payments.transfers.Deposit;
import com.ventusvault.payments.transfers.SendMoney;
import com.ventusvault.payments.transfers.TransferService;
import com.ventusvault.platform.requests.RequestFacts;
import com.ventusvault.platform.security.Viewer;
import graphql.GraphQLContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.federation.EntityMapping;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * Transfers: the money-moving mutations, {@code Query.transfer}, {@code Transfer} entities, and a transfer's wallets.
 * A transfer is visible to its parties (initiator, payer, payee) and to staff (SUPPORT, ADMIN); to anyone else it does
 * not exist ({@code null}).
 */
@Controller
public class TransferController {

    private final TransferService service;
    private final TransferRepository transfers;
    private final ProviderDeposits providerDeposits;

    public TransferController(TransferService service, TransferRepository transfers, LedgerAccountRepository accounts,
                              BatchLoaderRegistry registry, ProviderDeposits providerDeposits) {
        this.service = service;
        this.transfers = transfers;
        this.providerDeposits = providerDeposits;
        registry.<AccountId, LedgerAccount>forName("accountsById").registerMappedBatchLoader((ids, env) ->
                accounts.findByIds(ids).collectMap(LedgerAccount::id, Function.identity()));
    }

    @MutationMapping
    public Mono<TransferPayload> sendMoney(@Argument("input") SendMoney input, Viewer viewer, GraphQLContext context,
                                           RequestFacts facts) {
        return service.sendMoney(viewer.userId(), input, context.get(AuthorizationForwarding.KEY)).map(TransferPayload::of)
                .contextWrite(AuditOrigin.of(viewer, facts).context());
    }

    @MutationMapping
    public Mono<TransferPayload> deposit(@Argument("input") Deposit input, Viewer viewer, RequestFacts facts) {
        if (input.provider() != null) {
            return providerDeposits.start(viewer.userId(), viewer.email(), input.walletId(), input.amount(),
                    input.idempotencyKey(), input.provider()).map(PayoutController::payload)
                    .contextWrite(AuditOrigin.of(viewer, facts).context());
        }
        return service.deposit(viewer.userId(), input).map(TransferPayload::of)
                .contextWrite(AuditOrigin.of(viewer, facts).context());
    }

    @QueryMapping
    public Mono<Transfer> transfer(@Argument String id, Viewer viewer) {
        return TransferId.parse(id).map(transfers::findById).orElse(Mono.empty())
                .filter(stored -> stored.isParty(viewer.userId()) || LedgerController.isStaff(viewer))
                .map(stored -> Transfer.of(stored.transfer()));
    }

    /**
     * Entity resolution for the gateway, same visibility as {@link #transfer}: one query for the whole batch, answered
     * in representation order with null for ids that are unknown, not UUIDs, or not the viewer's.
     */
    @EntityMapping("Transfer")
    public Mono<List<Transfer>> transfers(List<Map<String, Object>> representations, GraphQLContext context) {
        Viewer viewer = SignedIn.viewer(context);
        List<Optional<TransferId>> ids = representations.stream()
                .map(representation -> TransferId.parse(String.valueOf(representation.get("id"))))
                .toList();
        return transfers.findByIds(ids.stream().flatMap(Optional::stream).toList())
                .filter(stored -> stored.isParty(viewer.userId()) || LedgerController.isStaff(viewer))
                .collectMap(stored -> stored.transfer().id(), stored -> Transfer.of(stored.transfer()))
                .map(visible -> {
                    List<Transfer> ordered = new ArrayList<>(ids.size());
                    ids.forEach(id -> ordered.add(id.map(visible::get).orElse(null)));
                    return ordered;
                });
    }

    @SchemaMapping(typeName = "Transfer")
    public CompletableFuture<Wallet> from(Transfer transfer, DataLoader<AccountId, LedgerAccount> accountsById) {
        return Wallet.load(transfer.fromWallet(), accountsById);
    }

    @SchemaMapping(typeName = "Transfer")
    public CompletableFuture<Wallet> to(Transfer transfer, DataLoader<AccountId, LedgerAccount> accountsById) {
        return Wallet.load(transfer.toWallet(), accountsById);
    }

}
