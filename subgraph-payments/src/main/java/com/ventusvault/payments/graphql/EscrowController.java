package com.ventusvault.payments.graphql;

import com.ventusvault.payments.domain.AccountId;
import com.ventusvault.payments.domain.LedgerAccount;
import com.ventusvault.payments.domain.TransferId;
import com.ventusvault.payments.domain.TransferKind;
import com.ventusvault.payments.audit.AuditOrigin;
import com.ventusvault.payments.escrow.CreateEscrow;
import com.ventusvault.payments.escrow.EscrowCreation;
import com.ventusvault.payments.escrow.EscrowId;
import com.ventusvault.payments.escrow.EscrowRepository;
import com.ventusvault.payments.escrow.EscrowResolution;
import com.ventusvault.payments.escrow.EscrowRules.Action;
import com.ventusvault.payments.persistence.StoredTransfer;
import com.ventusvault.payments.persistence.TransferRepository;
import com.ventusvault.platform.requests.RequestFacts;
import com.ventusvault.platform.security.Viewer;
import graphql.GraphQLContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.federation.EntityMapping;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * Escrow: the three mutations, {@code Query.escrow}, {@code Escrow} entities, an escrow's wallets and transfers, and
 * {@code Transfer.escrow}. An escrow is visible to its payer, its payee and staff (SUPPORT or ADMIN); to anyone else
 * it does not exist ({@code null}, ESCROW_NOT_FOUND). Seeing an escrow includes seeing its transfers.
 */
@Controller
public class EscrowController {

    private final EscrowCreation creation;
    private final EscrowResolution resolution;
    private final EscrowRepository escrows;

    public EscrowController(EscrowCreation creation, EscrowResolution resolution, EscrowRepository escrows,
                            TransferRepository transfers, BatchLoaderRegistry registry) {
        this.creation = creation;
        this.resolution = resolution;
        this.escrows = escrows;
        registry.<TransferId, StoredTransfer>forName("escrowTransfers").registerMappedBatchLoader((ids, env) ->
                transfers.findByIds(ids).collectMap(stored -> stored.transfer().id(), Function.identity()));
    }

    @MutationMapping
    public Mono<EscrowPayload> createEscrow(@Argument("input") CreateEscrow input, Viewer viewer, GraphQLContext context,
                                            RequestFacts facts) {
        return creation.create(viewer.userId(), input, context.get(AuthorizationForwarding.KEY)).map(EscrowPayload::of)
                .contextWrite(AuditOrigin.of(viewer, facts).context());
    }

    @MutationMapping
    public Mono<EscrowPayload> releaseEscrow(@Argument String id, Viewer viewer, RequestFacts facts) {
        return resolution.resolve(id, Action.RELEASE, viewer.userId(), LedgerController.isStaff(viewer))
                .map(EscrowPayload::of).contextWrite(AuditOrigin.of(viewer, facts).context());
    }

    @MutationMapping
    public Mono<EscrowPayload> cancelEscrow(@Argument String id, Viewer viewer, RequestFacts facts) {
        return resolution.resolve(id, Action.CANCEL, viewer.userId(), LedgerController.isStaff(viewer))
                .map(EscrowPayload::of).contextWrite(AuditOrigin.of(viewer, facts).context());
    }

    @QueryMapping
    public Mono<Escrow> escrow(@Argument String id, Viewer viewer) {
        return EscrowId.parse(id).map(escrows::findById).orElse(Mono.empty())
                .filter(escrow -> visible(escrow, viewer))
                .map(Escrow::of);
    }

    /** Batched: every Escrow representation of one request in one query, in order, null where not visible. */
    @EntityMapping("Escrow")
    public Mono<List<Escrow>> escrows(List<Map<String, Object>> representations, GraphQLContext context) {
        Viewer viewer = SignedIn.viewer(context);
        List<Optional<EscrowId>> ids = representations.stream()
                .map(representation -> EscrowId.parse(String.valueOf(representation.get("id")))).toList();
        return escrows.findByIds(ids.stream().flatMap(Optional::stream).toList())
                .filter(escrow -> visible(escrow, viewer))
                .collectMap(com.ventusvault.payments.escrow.Escrow::id, Escrow::of)
                .map(found -> {
                    List<Escrow> ordered = new ArrayList<>(ids.size());
                    ids.forEach(id -> ordered.add(id.map(found::get).orElse(null)));
                    return ordered;
                });
    }

    /** The escrow an ESCROW transfer funds or resolves, for a whole batch of transfers in at most one query. */
    @BatchMapping(typeName = "Transfer", field = "escrow")
    public Mono<Map<Transfer, Escrow>> escrowOfTransfers(List<Transfer> transfers, GraphQLContext context) {
        Viewer viewer = SignedIn.viewer(context);
        List<TransferId> ids = transfers.stream().filter(transfer -> transfer.kind() == TransferKind.ESCROW)
                .map(transfer -> new TransferId(java.util.UUID.fromString(transfer.id()))).toList();
        if (ids.isEmpty()) {
            return Mono.just(Map.of());
        }
        return escrows.findByTransfers(ids).filter(escrow -> visible(escrow, viewer)).collectList().map(found -> {
            Map<String, Escrow> byTransfer = new HashMap<>();
            for (com.ventusvault.payments.escrow.Escrow escrow : found) {
                byTransfer.put(escrow.funding().toString(), Escrow.of(escrow));
                if (escrow.resolution() != null) {
                    byTransfer.put(escrow.resolution().toString(), Escrow.of(escrow));
                }
            }
            Map<Transfer, Escrow> result = new HashMap<>();
            transfers.forEach(transfer -> {
                Escrow escrow = byTransfer.get(transfer.id());
                if (escrow != null) {
                    result.put(transfer, escrow);
                }
            });
            return result;
        });
    }

    @SchemaMapping(typeName = "Escrow")
    public CompletableFuture<Wallet> payer(Escrow escrow, DataLoader<AccountId, LedgerAccount> accountsById) {
        return Wallet.load(escrow.payerWallet(), accountsById);
    }

    @SchemaMapping(typeName = "Escrow")
    public CompletableFuture<Wallet> payee(Escrow escrow, DataLoader<AccountId, LedgerAccount> accountsById) {
        return Wallet.load(escrow.payeeWallet(), accountsById);
    }

    @SchemaMapping(typeName = "Escrow")
    public CompletableFuture<Transfer> funding(Escrow escrow, DataLoader<TransferId, StoredTransfer> escrowTransfers) {
        return transfer(escrow.fundingId(), escrowTransfers);
    }

    @SchemaMapping(typeName = "Escrow")
    public CompletableFuture<Transfer> resolution(Escrow escrow, DataLoader<TransferId, StoredTransfer> escrowTransfers) {
        return transfer(escrow.resolutionId(), escrowTransfers);
    }

    private static CompletableFuture<Transfer> transfer(TransferId id, DataLoader<TransferId, StoredTransfer> loader) {
        if (id == null) {
            return CompletableFuture.completedFuture(null);
        }
        return loader.load(id).thenApply(stored -> stored == null ? null : Transfer.of(stored.transfer()));
    }

    private static boolean visible(com.ventusvault.payments.escrow.Escrow escrow, Viewer viewer) {
        return escrow.isParty(viewer.userId()) || LedgerController.isStaff(viewer);
    }
}
