package com.ventusvault.payments.payouts;

import static com.ventusvault.payments.domain.TransferStatus.COMPLETED;
import static com.ventusvault.payments.domain.TransferStatus.FAILED;
import static com.ventusvault.payments.domain.TransferStatus.INITIATED;
import static com.ventusvault.payments.domain.TransferStatus.PROVIDER_PROCESSING;

import com.ventusvault.payments.audit.AuditOutbox;
import com.ventusvault.payments.audit.PostingAudit;
import com.ventusvault.payments.domain.AccountId;
import com.ventusvault.payments.domain.AccountKind;
import com.ventusvault.payments.domain.AmountCheck;
import com.ventusvault.payments.domain.Currency;
import com.ventusvault.payments.domain.Fees;
import com.ventusvault.payments.domain.LedgerAccount;
import com.ventusvault.payments.domain.Money;
import com.ventusvault.payments.domain.Posting;
import com.ventusvault.payments.domain.Rejection;
import com.ventusvault.payments.domain.RejectionCode;
import com.ventusvault.payments.domain.Transfer;
import com.ventusvault.payments.domain.TransferId;
import com.ventusvault.payments.domain.TransferKind;
import com.ventusvault.payments.domain.TransferRequest;
import com.ventusvault.payments.domain.TransferStatus;
import com.ventusvault.payments.persistence.LedgerAccountRepository;
import com.ventusvault.payments.persistence.TransferRepository;
import com.ventusvault.payments.providers.ChargeOrder;
import com.ventusvault.payments.providers.PayoutProviders;
import com.ventusvault.payments.providers.ProviderName;
import com.ventusvault.payments.providers.ProviderRejection;
import com.ventusvault.payments.providers.ProviderUnavailable;
import com.ventusvault.platform.errors.ApiException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The deposit on-ramp through a provider, exactly once per (user, idempotencyKey): {@link #start} records the
 * DEPOSIT transfer (INITIATED), starts a hosted-checkout charge and leaves the transfer PROVIDER_PROCESSING with its
 * checkout; the provider's CHARGE_SUCCEEDED webhook {@link #complete completes} it (PROVIDER_CLEARING(provider)
 * -amount, wallet +amount), CHARGE_FAILED {@link #fail fails} it. Nothing is credited before the provider confirms.
 */
@Service
public class ProviderDeposits {

    private final LedgerAccountRepository accounts;
    private final TransferRepository transfers;
    private final ProviderDepositRepository deposits;
    private final KeyReplays keys;
    private final PayoutProviders providers;
    private final TransactionalOperator transactions;
    private final Clock clock;
    private final AuditOutbox audit;

    /** Audit action of a provider deposit requested (nothing credited yet), by the user. */
    public static final String STARTED = "payments.deposit.started";
    /** Audit action of a provider deposit collected and credited (a webhook: the system). */
    public static final String COMPLETED_ACTION = "payments.deposit.completed";
    /** Audit action of a provider deposit the provider reports failed. */
    public static final String FAILED_ACTION = "payments.deposit.failed";

    public ProviderDeposits(LedgerAccountRepository accounts, TransferRepository transfers,
                            ProviderDepositRepository deposits, KeyReplays keys,
                            PayoutProviders providers, TransactionalOperator transactions, Clock clock,
                            AuditOutbox audit) {
        this.audit = audit;
        this.accounts = accounts;
        this.transfers = transfers;
        this.deposits = deposits;
        this.keys = keys;
        this.providers = providers;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Starts a charge of {@code amount} into one of the user's NGN wallets at {@code provider}. */
    public Mono<PayoutResult> start(UUID user, String email, String walletId, BigDecimal amount, String idempotencyKey,
                                    ProviderName provider) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > TransferRequest.MAX_KEY_LENGTH) {
            throw ApiException.badInput("idempotencyKey must be 1 to " + TransferRequest.MAX_KEY_LENGTH
                    + " characters, e.g. a UUID you generate once per deposit", "input", "idempotencyKey");
        }
        Money money = switch (AmountCheck.of(amount, Currency.NGN)) {
            case AmountCheck.Valid valid -> valid.money();
            case AmountCheck.Invalid invalid -> throw ApiException.badInput(invalid.message(), "input", "amount");
        };
        return AccountId.parse(walletId).map(accounts::findById).orElse(Mono.empty())
                .filter(account -> account.isWalletOf(user))
                .flatMap(wallet -> {
                    if (wallet.currency() != Currency.NGN) {
                        return Mono.<PayoutResult>error(ApiException.badInput("Provider deposits are collected in NGN "
                                + "into an NGN wallet; wallet " + wallet.id() + " holds " + wallet.currency(),
                                "input", "walletId"));
                    }
                    TransferRequest request = new TransferRequest(user, TransferKind.DEPOSIT, wallet.id(),
                            "provider:" + provider, money, null, idempotencyKey);
                    return replay(request).switchIfEmpty(Mono.defer(() -> charge(request, wallet, email, provider)));
                })
                .switchIfEmpty(Mono.fromSupplier(() -> PayoutResult.refused(Rejection.of(RejectionCode.WALLET_NOT_FOUND,
                        "No wallet of yours has that id: check walletId", "input", "walletId"))));
    }

    private Mono<PayoutResult> replay(TransferRequest request) {
        return keys.replay(request, this::current, "deposit");
    }

    private Mono<PayoutResult> charge(TransferRequest request, LedgerAccount wallet, String email, ProviderName provider) {
        Transfer transfer = new Transfer(TransferId.random(), TransferKind.DEPOSIT, INITIATED, request.amount(),
                Fees.none(Currency.NGN), null, wallet.id(), null, request.initiator(),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        TransferId id = transfer.id();
        return audit.event(STARTED, PostingAudit.transferTarget(transfer), withProvider(
                        PostingAudit.details(transfer, null, wallet), provider))
                .flatMap(event -> transfers.insert(transfer, request.idempotencyKey(), request.fingerprint(),
                        "Deposit of " + request.amount() + " through " + provider + " requested", List.of(), event))
                .flatMap(claimed -> !claimed ? replay(request) : providers.startCharge(
                                new ChargeOrder(id.toString(), request.amount(), email), provider)
                        .flatMap(checkout -> transactions.transactional(deposits.insert(new ProviderDeposit(id,
                                        checkout.provider(), checkout.checkoutUrl(), checkout.providerReference().isEmpty()
                                        ? id.toString() : checkout.providerReference()))
                                .then(transfers.transition(id, INITIATED, PROVIDER_PROCESSING,
                                        "Waiting for the payer at " + checkout.provider() + "'s checkout"))))
                        .then(current(id))
                        .onErrorResume(ProviderRejection.class, rejection -> refuse(id, RejectionCode.PROVIDER_REJECTED,
                                rejection.getMessage()))
                        .onErrorResume(ProviderUnavailable.class, unavailable -> refuse(id,
                                RejectionCode.PROVIDER_UNAVAILABLE, provider + " cannot start a charge now: try again "
                                        + "later (with a new idempotencyKey)")));
    }

    private Mono<PayoutResult> refuse(TransferId id, RejectionCode code, String message) {
        return transfers.fail(id, INITIATED, FAILED, code.name(), message).then(current(id));
    }

    private Mono<PayoutResult> current(TransferId id) {
        return transfers.findById(id).map(stored -> {
            Transfer transfer = stored.transfer();
            if (transfer.status() == FAILED && transfer.failure() != null
                    && !"CHARGE_FAILED".equals(transfer.failure().code())) {
                RejectionCode code = RejectionCode.valueOf(transfer.failure().code());
                return PayoutResult.refused(transfer, Rejection.of(code, transfer.failure().message(), "input",
                        "provider"));
            }
            return PayoutResult.of(transfer);
        });
    }

    /** The provider collected the money: clearing -amount, wallet +amount, COMPLETED (once). */
    public Mono<Settled> complete(TransferId id, ProviderName provider, String reason) {
        return transactions.transactional(transfers.findById(id).flatMap(stored -> {
            Transfer transfer = stored.transfer();
            // The webhook may overtake the recording of the checkout.
            Mono<Boolean> processing = transfer.status() == INITIATED
                    ? transfers.transition(id, INITIATED, PROVIDER_PROCESSING, provider + " started the charge")
                    : Mono.just(true);
            return processing.then(transfers.transition(id, PROVIDER_PROCESSING, COMPLETED, reason))
                    .flatMap(won -> !won ? Mono.just(Settled.ALREADY_SETTLED)
                            : accounts.systemAccount(AccountKind.PROVIDER_CLEARING, transfer.amount().currency(),
                                            provider.name())
                                    .flatMap(clearing -> {
                                        List<Posting> postings = List.of(Posting.debit(clearing, transfer.amount()),
                                                Posting.credit(transfer.to(), transfer.amount()));
                                        return accounts.lockInIdOrder(List.of(clearing, transfer.to()))
                                                .then(transfers.appendEntries(id, postings));
                                    })
                                    .then(audit.record(COMPLETED_ACTION, PostingAudit.transferTarget(transfer),
                                            withProvider(PostingAudit.details(transfer, null, null), provider)))
                                    .thenReturn(Settled.COMPLETED));
        }));
    }

    /** The charge failed: FAILED with the provider's reason; nothing was credited. */
    public Mono<Settled> fail(TransferId id, ProviderName provider, String reason) {
        String message = provider + " reports the charge failed" + (reason.isBlank() ? "" : ": " + reason);
        return transfers.findById(id).flatMap(stored -> {
            TransferStatus status = stored.transfer().status();
            if (status != INITIATED && status != PROVIDER_PROCESSING) {
                return Mono.just(Settled.ALREADY_SETTLED);
            }
            return transfers.fail(id, status, FAILED, "CHARGE_FAILED", message)
                    .flatMap(won -> won ? audit.record(FAILED_ACTION, PostingAudit.transferTarget(stored.transfer()),
                                    withProvider(PostingAudit.details(stored.transfer(), null, null), provider))
                            .thenReturn(Settled.FAILED) : Mono.just(Settled.ALREADY_SETTLED));
        });
    }

    private static java.util.Map<String, Object> withProvider(java.util.Map<String, Object> details, ProviderName provider) {
        details.put("provider", provider.name());
        return details;
    }
}
