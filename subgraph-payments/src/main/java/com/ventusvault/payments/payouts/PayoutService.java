package com.ventusvault.payments.payouts;

import static com.ventusvault.payments.domain.TransferStatus.BALANCE_RESERVED;
import static com.ventusvault.payments.domain.TransferStatus.FAILED;
import static com.ventusvault.payments.domain.TransferStatus.INITIATED;
import static com.ventusvault.payments.domain.TransferStatus.VALIDATING;

import com.ventusvault.payments.audit.AuditOutbox;
import com.ventusvault.payments.audit.PostingAudit;
import com.ventusvault.payments.domain.AccountId;
import com.ventusvault.payments.domain.Currency;
import com.ventusvault.payments.domain.Fees;
import com.ventusvault.payments.domain.Ledger;
import com.ventusvault.payments.domain.LedgerAccount;
import com.ventusvault.payments.domain.Money;
import com.ventusvault.payments.domain.Rejection;
import com.ventusvault.payments.domain.RejectionCode;
import com.ventusvault.payments.domain.Transfer;
import com.ventusvault.payments.domain.TransferId;
import com.ventusvault.payments.domain.TransferKind;
import com.ventusvault.payments.domain.TransferRequest;
import com.ventusvault.payments.domain.TransferStatus;
import com.ventusvault.payments.holds.HoldResult;
import com.ventusvault.payments.holds.HoldService;
import com.ventusvault.payments.persistence.LedgerAccountRepository;
import com.ventusvault.payments.persistence.OutgoingLimits;
import com.ventusvault.payments.persistence.TransferRepository;
import com.ventusvault.payments.providers.PayoutProviders;
import com.ventusvault.payments.providers.ProviderName;
import com.ventusvault.payments.providers.ProviderRejection;
import com.ventusvault.payments.providers.ProviderUnavailable;
import com.ventusvault.payments.providers.ResolvedAccount;
import com.ventusvault.platform.errors.ApiException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The synchronous half of {@code requestPayout}, exactly once per (user, idempotencyKey): validate the input
 * (BAD_REQUEST), claim the key with the transfer (INITIATED), resolve the bank account through the providers
 * (VALIDATING; an unknown account ends FAILED with INVALID_BANK_ACCOUNT), reserve amount + fees with a hold
 * (BALANCE_RESERVED; INSUFFICIENT_FUNDS ends FAILED), and return. {@link PayoutWorker} sends it from there.
 * A replay of the key answers the payout as it is now; the same key with another request is IDEMPOTENCY_KEY_REUSED.
 */
@Service
public class PayoutService {

    private static final Logger log = LoggerFactory.getLogger(PayoutService.class);

    private final LedgerAccountRepository accounts;
    private final TransferRepository transfers;
    private final PayoutDetailRepository details;
    private final PayoutProviders providers;
    private final HoldService holds;
    private final OutgoingLimits limits;
    private final Ledger ledger;
    private final PayoutWorker worker;
    private final KeyReplays keys;
    private final PayoutsProperties properties;
    private final TransactionalOperator transactions;
    private final Clock clock;
    private final AuditOutbox audit;

    /** Audit action of a payout requested (the balance is reserved next, debited when the provider pays). */
    public static final String REQUESTED = "payments.payout.requested";

    public PayoutService(LedgerAccountRepository accounts, TransferRepository transfers, PayoutDetailRepository details,
                         PayoutProviders providers, HoldService holds, OutgoingLimits limits, Ledger ledger,
                         PayoutWorker worker, KeyReplays keys,
                         PayoutsProperties properties, TransactionalOperator transactions, Clock clock,
                         AuditOutbox audit) {
        this.accounts = accounts;
        this.transfers = transfers;
        this.details = details;
        this.providers = providers;
        this.holds = holds;
        this.limits = limits;
        this.ledger = ledger;
        this.worker = worker;
        this.keys = keys;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
        this.audit = audit;
    }

    public Mono<PayoutResult> request(UUID user, PayoutInput input) {
        PayoutInstruction instruction = input.validate();
        return ownedWallet(user, instruction.walletId()).flatMap(found -> {
            if (found.isEmpty()) {
                return Mono.just(PayoutResult.refused(Rejection.of(RejectionCode.WALLET_NOT_FOUND,
                        "No wallet of yours has that id: check walletId", "input", "walletId")));
            }
            LedgerAccount wallet = found.get();
            if (wallet.currency() != Currency.NGN) {
                return Mono.error(ApiException.badInput("Payouts are paid in NGN from an NGN wallet; wallet "
                        + wallet.id() + " holds " + wallet.currency(), "input", "walletId"));
            }
            TransferRequest request = instruction.request(user, wallet.id());
            return replay(request).switchIfEmpty(Mono.defer(() -> start(request, instruction, wallet)));
        });
    }

    private Mono<PayoutResult> replay(TransferRequest request) {
        return keys.replay(request, this::current, "payout");
    }

    private Mono<PayoutResult> start(TransferRequest request, PayoutInstruction instruction, LedgerAccount wallet) {
        Money amount = instruction.amount();
        ProviderName likely = instruction.provider().orElseGet(() -> providers.choose(amount));
        Transfer transfer = new Transfer(TransferId.random(), TransferKind.PAYOUT, INITIATED, amount,
                quote(likely, amount), wallet.id(), null, instruction.narration(), request.initiator(),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        return transactions.transactional(audit.event(REQUESTED, PostingAudit.transferTarget(transfer),
                                PostingAudit.details(transfer, wallet, null))
                        .flatMap(event -> transfers.insert(transfer, request.idempotencyKey(), request.fingerprint(),
                                "Payout of " + amount + " requested", List.of(), event))
                        .flatMap(claimed -> claimed ? details.insert(transfer.id(), instruction).thenReturn(true)
                                : Mono.just(false)))
                .flatMap(claimed -> claimed ? validate(transfer, instruction, likely)
                        // A concurrent request with the same key won: answer as its replay.
                        : replay(request));
    }

    /**
     * Resolves the account, asking first the provider the client named or else the router's current choice (the one
     * {@code feeQuote} quotes), so the fee charged is the quoted one unless that provider cannot answer.
     */
    private Mono<PayoutResult> validate(Transfer transfer, PayoutInstruction instruction, ProviderName likely) {
        TransferId id = transfer.id();
        return transfers.transition(id, INITIATED, VALIDATING, "Resolving the bank account")
                .then(Mono.defer(() -> providers.resolveAccount(instruction.bankCode(), instruction.accountNumber(),
                                Optional.of(likely)))
                        .<Resolution>map(Resolution.Resolved::new)
                        .onErrorResume(ProviderRejection.class, rejection -> Mono.just(new Resolution.Refused(
                                code(rejection.code()), rejection.getMessage())))
                        .onErrorResume(ProviderUnavailable.class, unavailable -> Mono.just(new Resolution.Refused(
                                RejectionCode.PROVIDER_UNAVAILABLE, "No payout provider can check the bank account now: "
                                + "try again later (with a new idempotencyKey)"))))
                .flatMap(resolution -> switch (resolution) {
                    case Resolution.Resolved resolved -> reserve(transfer, resolved.account());
                    case Resolution.Refused refused -> refuse(id, Rejection.of(refused.code(), refused.message(),
                            "input", refused.code() == RejectionCode.INVALID_BANK_ACCOUNT ? "accountNumber" : "provider"));
                });
    }

    private sealed interface Resolution {
        record Resolved(ResolvedAccount account) implements Resolution {
        }

        record Refused(RejectionCode code, String message) implements Resolution {
        }
    }

    /**
     * Amount + platform fee + the resolving provider's fee, held on the wallet; the payout is then BALANCE_RESERVED.
     * With the wallet locked, the amount must first fit the wallet's outgoing limits ({@link OutgoingLimits}, the
     * ledger's own check: per transfer and per rolling 24 h, reserved payouts in flight counted), else LIMIT_EXCEEDED.
     */
    private Mono<PayoutResult> reserve(Transfer transfer, ResolvedAccount resolved) {
        TransferId id = transfer.id();
        Fees fees = quote(resolved.provider(), transfer.amount());
        Money debit = transfer.amount().plus(fees.total());
        return details.setTransferFees(id, fees)
                .then(transactions.transactional(accounts.lockInIdOrder(List.of(transfer.from()))
                        .then(limits.check(transfer.from(), transfer.amount()))
                        .flatMap(overLimit -> overLimit.isPresent() ? Mono.just(overLimit)
                                : place(transfer, resolved, fees, debit))))
                .flatMap(refusal -> refusal.isPresent()
                        ? refuse(id, Rejection.of(refusal.get().code(), refusal.get().message(), "input", "amount"))
                        : current(id).doOnNext(reserved -> kick(id)));
    }

    private Mono<Optional<Rejection>> place(Transfer transfer, ResolvedAccount resolved, Fees fees, Money debit) {
        TransferId id = transfer.id();
        return holds.place(id, transfer.from(), debit, properties.holdTtl()).flatMap(result -> switch (result) {
            case HoldResult.Held held -> details.reserved(id, resolved.provider(), resolved.accountName(), fees,
                            held.hold().id())
                    .then(transfers.transition(id, VALIDATING, BALANCE_RESERVED, debit
                            + " reserved for the payout (hold " + held.hold().id() + ")"))
                    .thenReturn(Optional.<Rejection>empty());
            case HoldResult.Refused refused -> Mono.just(Optional.of(refused.rejection()));
        });
    }

    private Mono<PayoutResult> refuse(TransferId id, Rejection rejection) {
        return transfers.fail(id, VALIDATING, FAILED, rejection.code().name(), rejection.message())
                .then(transfers.findById(id))
                .map(stored -> PayoutResult.refused(stored.transfer(), rejection));
    }

    /** The payout as stored now, with the refusal it was answered with if it failed before reserving anything. */
    private Mono<PayoutResult> current(TransferId id) {
        return Mono.zip(transfers.findById(id), details.find(id)).map(found -> {
            Transfer transfer = found.getT1().transfer();
            if (transfer.status() == TransferStatus.FAILED && found.getT2().hold() == null && transfer.failure() != null) {
                return PayoutResult.refused(transfer, Rejection.of(code(transfer.failure().code()),
                        transfer.failure().message(), "input", fieldOf(transfer.failure().code())));
            }
            return PayoutResult.of(transfer);
        });
    }

    private void kick(TransferId id) {
        if (properties.dispatchImmediately()) {
            worker.advance(id).subscribeOn(Schedulers.boundedElastic()).subscribe(null, error ->
                    log.warn("Payout {} was not sent right away (the scan retries): {}", id, error.toString()));
        }
    }

    private Fees quote(ProviderName provider, Money amount) {
        return ledger.fees().quote(TransferKind.PAYOUT, amount)
                .withProvider(providers.providerFee(provider, TransferKind.PAYOUT, amount));
    }

    private Mono<Optional<LedgerAccount>> ownedWallet(UUID user, String walletId) {
        return AccountId.parse(walletId).map(accounts::findById).orElse(Mono.empty())
                .filter(account -> account.isWalletOf(user))
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty());
    }

    private static RejectionCode code(String code) {
        try {
            return RejectionCode.valueOf(code);
        } catch (IllegalArgumentException e) {
            return RejectionCode.PROVIDER_REJECTED;
        }
    }

    private static String fieldOf(String code) {
        return switch (code) {
            case "INVALID_BANK_ACCOUNT" -> "accountNumber";
            case "INSUFFICIENT_FUNDS", "LIMIT_EXCEEDED" -> "amount";
            default -> "provider";
        };
    }
}
