package com.ventusvault.payments.graphql;

import com.ventusvault.payments.domain.AccountId;
import com.ventusvault.payments.domain.AccountKind;
import com.ventusvault.payments.domain.TransferKind;
import com.ventusvault.payments.domain.TransferStatus;
import com.ventusvault.payments.domain.TransferId;
import com.ventusvault.payments.outbox.OutboxEvent;
import com.ventusvault.payments.outbox.OutboxFanout;
import com.ventusvault.payments.persistence.LedgerAccountRepository;
import com.ventusvault.payments.persistence.StoredTransfer;
import com.ventusvault.payments.persistence.TransferRepository;
import com.ventusvault.platform.errors.ApiException;
import com.ventusvault.platform.errors.ErrorCode;
import com.ventusvault.platform.security.Viewer;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.SelectedField;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * {@code balanceUpdated} and {@code transferUpdated}, served from the outbox relay's committed events (nothing for a
 * change that rolled back). Each listens from the moment it is accepted: the relay's events are buffered while the
 * subscription's checks run, so none committed in between is lost.
 */
@Controller
public class SubscriptionController {

    /** After these a transfer never changes again (a payout's FAILED may still become COMPENSATED). */
    private static final Set<TransferStatus> FINAL = EnumSet.of(TransferStatus.COMPLETED, TransferStatus.EXPIRED,
            TransferStatus.COMPENSATED);

    private final OutboxFanout fanout;
    private final LedgerAccountRepository accounts;
    private final TransferRepository transfers;

    public SubscriptionController(OutboxFanout fanout, LedgerAccountRepository accounts, TransferRepository transfers) {
        this.fanout = fanout;
        this.accounts = accounts;
        this.transfers = transfers;
    }

    /** The owner's wallet only: another user's is FORBIDDEN, an unknown one NOT_FOUND (staff included). */
    @SubscriptionMapping
    public Flux<BalanceUpdate> balanceUpdated(@Argument String walletId, Viewer viewer) {
        AccountId id = AccountId.parse(walletId).orElseThrow(() -> notFound("wallet", walletId));
        return listening(fanout.events("Wallet", id.toString()), events -> accounts.findById(id)
                .filter(account -> account.kind() == AccountKind.USER_WALLET)
                .switchIfEmpty(Mono.error(() -> notFound("wallet", walletId)))
                .flatMapMany(account -> {
                    if (!viewer.userId().equals(account.owner())) {
                        return Flux.error(new ApiException(ErrorCode.FORBIDDEN,
                                "Wallet " + walletId + " is not yours: only its owner may follow its balance"));
                    }
                    return events.filter(event -> event.type().equals("WalletBalanceChanged")).map(BalanceUpdate::of);
                }));
    }

    /**
     * A transfer the viewer sent, received or started (staff: any): its current state first, then every committed
     * status change, completing after a final one.
     */
    @SubscriptionMapping
    public Flux<Transfer> transferUpdated(@Argument String id, Viewer viewer) {
        TransferId transferId = TransferId.parse(id).orElseThrow(() -> notFound("transfer", id));
        return listening(fanout.events("Transfer", transferId.toString()), events -> visible(transferId, viewer)
                .switchIfEmpty(Mono.error(() -> notFound("transfer", id)))
                .flatMapMany(current -> Flux.concat(Mono.just(current), events
                        .filter(event -> event.type().equals("TransferStatusChanged"))
                        .concatMap(event -> visible(transferId, viewer))))
                .takeUntil(SubscriptionController::isFinal)
                .map(stored -> Transfer.of(stored.transfer())));
    }

    /** The transfer that moved the balance; just its id when that is all the client asked for (no read). */
    @SchemaMapping(typeName = "BalanceUpdate")
    public Mono<Transfer> transfer(BalanceUpdate update, Viewer viewer, DataFetchingEnvironment environment) {
        if (update.transferId() == null) {
            return Mono.empty();
        }
        boolean idOnly = environment.getSelectionSet().getImmediateFields().stream().map(SelectedField::getName)
                .allMatch(name -> name.equals("id") || name.equals("__typename"));
        if (idOnly) {
            return Mono.just(new Transfer(update.transferId(), null, null, null, null, null, null, null, null, null, null));
        }
        return TransferId.parse(update.transferId()).map(transfers::findById).orElse(Mono.empty())
                .filter(stored -> stored.isParty(viewer.userId()) || LedgerController.isStaff(viewer))
                .map(stored -> Transfer.of(stored.transfer()));
    }

    private Mono<StoredTransfer> visible(TransferId id, Viewer viewer) {
        return transfers.findById(id).filter(stored -> stored.isParty(viewer.userId()) || LedgerController.isStaff(viewer));
    }

    private static boolean isFinal(StoredTransfer stored) {
        TransferStatus status = stored.transfer().status();
        return FINAL.contains(status) || status == TransferStatus.FAILED && stored.transfer().kind() != TransferKind.PAYOUT;
    }

    /**
     * Connects to the events first and only then runs {@code body} (the checks, then the stream): events that commit
     * while the checks run wait in the buffer.
     */
    private static <T> Flux<T> listening(Flux<OutboxEvent> events, Function<Flux<OutboxEvent>, Flux<T>> body) {
        return Flux.defer(() -> {
            Sinks.Many<OutboxEvent> buffer = Sinks.many().unicast().onBackpressureBuffer();
            Disposable feed = events.subscribe(buffer::tryEmitNext);
            return body.apply(buffer.asFlux()).doFinally(signal -> feed.dispose());
        });
    }

    private static ApiException notFound(String what, String id) {
        return new ApiException(ErrorCode.NOT_FOUND, "No " + what + " " + id);
    }
}
