package com.ventusvault.payments.escrow;

import com.ventusvault.payments.directory.AccountsDirectory;
import com.ventusvault.payments.domain.AccountId;
import com.ventusvault.payments.domain.AccountKind;
import com.ventusvault.payments.domain.AmountCheck;
import com.ventusvault.payments.domain.LedgerAccount;
import com.ventusvault.payments.domain.Money;
import com.ventusvault.payments.domain.PlanResult;
import com.ventusvault.payments.domain.Rejection;
import com.ventusvault.payments.domain.RejectionCode;
import com.ventusvault.payments.domain.Transfer;
import com.ventusvault.payments.domain.TransferKind;
import com.ventusvault.payments.domain.TransferOutcome;
import com.ventusvault.payments.domain.TransferRequest;
import com.ventusvault.payments.persistence.LedgerAccountRepository;
import com.ventusvault.payments.audit.PostingAudit;
import com.ventusvault.payments.persistence.LedgerPoster;
import com.ventusvault.payments.transfers.InputRules;
import com.ventusvault.platform.errors.ApiException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * {@code createEscrow}: validates the input (malformed input is BAD_REQUEST and writes nothing), answers a replayed
 * idempotency key from the stored escrow, and otherwise, in ONE database transaction, posts the funding transfer
 * through {@link LedgerPoster} (payer locked with the payee and ESCROW_HOLDING in id order) and records the escrow.
 * A refused request rolls everything back, including a payee wallet opened for {@code toEmail}.
 */
@Service
public class EscrowCreation {

    /** Audit action of funding an escrow (payer's wallet to ESCROW_HOLDING); target {@code escrow:<id>}. */
    public static final String CREATED = "payments.escrow.created";

    /** Default lifetime: 7 days. */
    public static final int DEFAULT_MINUTES = 10_080;
    /** Longest lifetime: 30 days. */
    public static final int MAX_MINUTES = 43_200;

    private final LedgerAccountRepository accounts;
    private final EscrowRepository escrows;
    private final LedgerPoster poster;
    private final AccountsDirectory directory;
    private final EscrowFees fees;
    private final TransactionalOperator transactions;

    public EscrowCreation(LedgerAccountRepository accounts, EscrowRepository escrows, LedgerPoster poster,
                          AccountsDirectory directory, EscrowFees fees, TransactionalOperator transactions) {
        this.accounts = accounts;
        this.escrows = escrows;
        this.poster = poster;
        this.directory = directory;
        this.fees = fees;
        this.transactions = transactions;
    }

    /** Creates the escrow exactly once per (user, idempotencyKey). */
    public Mono<EscrowOutcome> create(UUID user, CreateEscrow input, String authorization) {
        boolean byWallet = InputRules.byWallet(input.toWalletId(), input.toEmail());
        String key = input.idempotencyKey();
        InputRules.requireKey(key, "escrow");
        InputRules.requirePositive(input.amount());
        int minutes = input.expiresInMinutes() == null ? DEFAULT_MINUTES : input.expiresInMinutes();
        if (minutes < 1 || minutes > MAX_MINUTES) {
            throw ApiException.badInput("expiresInMinutes must be 1 to " + MAX_MINUTES + " (30 days), got " + minutes,
                    "input", "expiresInMinutes");
        }
        String description = input.description() == null || input.description().isBlank() ? null
                : input.description().strip();
        if (description != null && description.length() > 500) {
            throw ApiException.badInput("A description has at most 500 characters, got " + description.length(),
                    "input", "description");
        }
        return AccountId.parse(input.fromWalletId()).map(accounts::findById).orElse(Mono.empty())
                .filter(wallet -> wallet.isWalletOf(user))
                .flatMap(payer -> {
                    Money amount = checkedAmount(input, payer);
                    // The lifetime is part of the request, so it is part of the fingerprint (with kind, wallets,
                    // amount and description, the note).
                    String recipient = "escrow:" + (byWallet
                            ? AccountId.parse(input.toWalletId()).map(TransferRequest::walletRecipient)
                                    .orElse("wallet:" + input.toWalletId().strip())
                            : TransferRequest.emailRecipient(input.toEmail())) + ";minutes=" + minutes;
                    TransferRequest request = new TransferRequest(user, TransferKind.ESCROW, payer.id(), recipient,
                            amount, description, key);
                    String fingerprint = request.fingerprint();
                    Mono<EscrowOutcome> first = Mono.defer(() -> byWallet
                            ? toWallet(request, payer, input.toWalletId(), minutes, fingerprint)
                            : toEmail(request, payer, input.toEmail().strip(), authorization, minutes, fingerprint));
                    return escrows.findByKey(user, key).map(stored -> replay(stored, fingerprint))
                            .switchIfEmpty(Mono.defer(() -> poster.previousAnswer(request)
                                    .flatMap(previous -> answer(request, previous, fingerprint))))
                            .switchIfEmpty(first);
                })
                .switchIfEmpty(Mono.fromSupplier(() -> new EscrowOutcome.Refused(Rejection.of(
                        RejectionCode.WALLET_NOT_FOUND, "No wallet of yours has that id: check fromWalletId", "input",
                        "fromWalletId"), null)));
    }

    private Mono<EscrowOutcome> toWallet(TransferRequest request, LedgerAccount payer, String toWalletId, int minutes,
                                         String fingerprint) {
        return AccountId.parse(toWalletId)
                .map(payee -> fund(request, payer, Mono.just(payee), minutes, fingerprint))
                .orElseGet(() -> refuse(request, Rejection.of(RejectionCode.WALLET_NOT_FOUND,
                        "No wallet has that id: check toWalletId", "input", "toWalletId"), fingerprint));
    }

    /**
     * As {@code sendMoney(toEmail)}: the payer's funds are checked first (unlocked; checked again under lock), so an
     * empty wallet learns nothing about which emails have accounts; the payee's wallet is opened inside the funding
     * transaction.
     */
    private Mono<EscrowOutcome> toEmail(TransferRequest request, LedgerAccount payer, String email, String authorization,
                                        int minutes, String fingerprint) {
        Money fee = fees.feeFor(request.amount());
        if (!payer.canGive(request.amount().plus(fee))) {
            return refuse(request, EscrowRules.insufficientFunds(request.amount(), fee, payer.available()), fingerprint);
        }
        return directory.userIdByEmail(email, authorization).flatMap(found -> found
                .map(payee -> fund(request, payer, accounts.openWallet(payee, payer.currency()).map(LedgerAccount::id),
                        minutes, fingerprint))
                .orElseGet(() -> refuse(request, Rejection.of(RejectionCode.RECIPIENT_NOT_FOUND,
                        "No VentusVault user has the email " + email, "input", "toEmail"), fingerprint)));
    }

    /** One transaction: find (or open) the payee's wallet, post the funding transfer, record the escrow. */
    private Mono<EscrowOutcome> fund(TransferRequest request, LedgerAccount payer, Mono<AccountId> payeeWallet,
                                     int minutes, String fingerprint) {
        Money fee = fees.feeFor(request.amount());
        // The escrow's id is chosen before the funding is posted, so the funding's audit entry can name the escrow.
        EscrowId escrowId = EscrowId.random();
        return accounts.systemAccount(AccountKind.ESCROW_HOLDING, request.amount().currency())
                .flatMap(holding -> transactions.execute(tx -> payeeWallet.flatMap(payee -> poster.post(request,
                                        Mono.just(new LedgerPoster.Scope(List.of(payer.id(), payee, holding), locked ->
                                                locked.containsKey(payee)
                                                        ? EscrowRules.fund(request.initiator(), locked.get(payer.id()),
                                                                locked.get(payee), locked.get(holding), request.amount(), fee)
                                                        : new PlanResult.Rejected(Rejection.of(
                                                                RejectionCode.WALLET_NOT_FOUND,
                                                                "No wallet has that id: check toWalletId", "input",
                                                                "toWalletId")))),
                                        new PostingAudit(CREATED, "escrow:" + escrowId))
                                .flatMap(outcome -> switch (outcome) {
                                    case TransferOutcome.Posted posted ->
                                            record(escrowId, request, payee, posted.transfer(), minutes, fingerprint);
                                    case TransferOutcome.Replayed replayed -> answer(request, replayed, fingerprint);
                                    case TransferOutcome.Refused refused -> {
                                        tx.setRollbackOnly();
                                        yield Mono.just((EscrowOutcome) new EscrowOutcome.Refused(refused.rejection(), null));
                                    }
                                })))
                        .single())
                // The poster's record of a refusal joined this (rolled back) transaction: record it after, in its own.
                .flatMap(outcome -> outcome instanceof EscrowOutcome.Refused refused && refused.escrow() == null
                        ? refuse(request, refused.rejection(), fingerprint) : Mono.just(outcome));
    }

    /**
     * Refuses the request and records the refusal under its key, as every money movement does (a retry with the key
     * gets the same answer), unless the key already has an answer, which is then returned.
     */
    private Mono<EscrowOutcome> refuse(TransferRequest request, Rejection rejection, String fingerprint) {
        return poster.refuse(request, rejection).flatMap(outcome -> answer(request, outcome, fingerprint));
    }

    /** An answer the poster holds for the key, as an escrow outcome (a funding transfer means its escrow). */
    private Mono<EscrowOutcome> answer(TransferRequest request, TransferOutcome outcome, String fingerprint) {
        return switch (outcome) {
            case TransferOutcome.Refused refused -> Mono.just(new EscrowOutcome.Refused(refused.rejection(), null));
            case TransferOutcome.Posted posted -> escrowOfKey(request, fingerprint);
            case TransferOutcome.Replayed replayed -> escrowOfKey(request, fingerprint);
        };
    }

    private Mono<EscrowOutcome> escrowOfKey(TransferRequest request, String fingerprint) {
        return escrows.findByKey(request.initiator(), request.idempotencyKey())
                .map(stored -> replay(stored, fingerprint))
                .switchIfEmpty(Mono.fromSupplier(() -> keyReused(request)));
    }

    private Mono<EscrowOutcome> record(EscrowId id, TransferRequest request, AccountId payee, Transfer funding,
                                       int minutes, String fingerprint) {
        Escrow escrow = new Escrow(id, EscrowStatus.HELD, funding.amount(), funding.fee(),
                request.wallet(), request.initiator(), payee, null, request.note(), funding.createdAt(),
                funding.createdAt().plus(Duration.ofMinutes(minutes)), null, funding.id(), null);
        return escrows.insert(escrow, request.initiator(), request.idempotencyKey(), fingerprint)
                .then(escrows.findById(escrow.id()))
                .map(EscrowOutcome.Done::new);
    }

    private static EscrowOutcome replay(EscrowRepository.Stored stored, String fingerprint) {
        if (stored.fingerprint().equals(fingerprint)) {
            return new EscrowOutcome.Done(stored.escrow());
        }
        return new EscrowOutcome.Refused(Rejection.of(RejectionCode.IDEMPOTENCY_KEY_REUSED,
                "This idempotencyKey was already used for a different request (escrow " + stored.escrow().id()
                        + "): use a new key for a new escrow", "input", "idempotencyKey"), null);
    }

    /** The key names a transfer that is not an escrow's funding (e.g. a sendMoney with the same key). */
    private static EscrowOutcome keyReused(TransferRequest request) {
        return new EscrowOutcome.Refused(Rejection.of(RejectionCode.IDEMPOTENCY_KEY_REUSED,
                "This idempotencyKey was already used for a different request: use a new key for a new escrow",
                "input", "idempotencyKey"), null);
    }

    private static Money checkedAmount(CreateEscrow input, LedgerAccount payer) {
        return switch (AmountCheck.of(input.amount(), payer.currency())) {
            case AmountCheck.Valid valid -> valid.money();
            case AmountCheck.Invalid invalid -> throw ApiException.badInput(invalid.message(), "input", "amount");
        };
    }
}
