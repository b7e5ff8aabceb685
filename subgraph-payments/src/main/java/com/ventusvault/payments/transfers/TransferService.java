package com.ventusvault.payments.transfers;

import com.ventusvault.payments.audit.PostingAudit;
import com.ventusvault.payments.config.PaymentsProperties;
import com.ventusvault.payments.directory.AccountsDirectory;
import com.ventusvault.payments.domain.AccountId;
import com.ventusvault.payments.domain.AccountKind;
import com.ventusvault.payments.domain.AmountCheck;
import com.ventusvault.payments.domain.Currency;
import com.ventusvault.payments.domain.LedgerAccount;
import com.ventusvault.payments.domain.Ledger;
import com.ventusvault.payments.domain.Money;
import com.ventusvault.payments.domain.PlanResult;
import com.ventusvault.payments.domain.Rejection;
import com.ventusvault.payments.domain.RejectionCode;
import com.ventusvault.payments.domain.TransferKind;
import com.ventusvault.payments.domain.TransferOutcome;
import com.ventusvault.payments.domain.TransferRequest;
import com.ventusvault.payments.persistence.LedgerAccountRepository;
import com.ventusvault.payments.persistence.LedgerPoster;
import com.ventusvault.payments.persistence.WalletOwners;
import com.ventusvault.platform.errors.ApiException;
import com.ventusvault.platform.errors.ErrorCode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Runs the money-moving mutations: validates the input (malformed input is a BAD_REQUEST error and writes nothing),
 * finds the wallets, answers replays of an idempotency key without touching the ledger, and hands the rest to
 * {@link LedgerPoster}. Business refusals come back as {@link TransferOutcome.Refused}.
 */
@Service
public class TransferService {

    /** Audit action of a P2P payment. */
    public static final String SENT = "payments.transfer.sent";
    /** Audit action of a demo deposit (money in from the demo bank). */
    public static final String DEPOSITED = "payments.deposit.completed";

    private final LedgerAccountRepository accounts;
    private final WalletOwners walletOwners;
    private final LedgerPoster poster;
    private final Ledger ledger;
    private final AccountsDirectory directory;
    private final PaymentsProperties properties;

    public TransferService(LedgerAccountRepository accounts, WalletOwners walletOwners, LedgerPoster poster,
                           Ledger ledger, AccountsDirectory directory, PaymentsProperties properties) {
        this.accounts = accounts;
        this.walletOwners = walletOwners;
        this.poster = poster;
        this.ledger = ledger;
        this.directory = directory;
        this.properties = properties;
    }

    /** Pays from one of the user's wallets to a wallet (by id) or a user (by email) in the same currency. */
    public Mono<TransferOutcome> sendMoney(UUID user, SendMoney input, String authorization) {
        boolean byWallet = InputRules.byWallet(input.toWalletId(), input.toEmail());
        InputRules.requireKey(input.idempotencyKey(), "payment");
        InputRules.requirePositive(input.amount());
        String note = input.note() == null || input.note().isBlank() ? null : input.note().strip();
        if (note != null && note.length() > 500) {
            throw ApiException.badInput("A note has at most 500 characters, got " + note.length(), "input", "note");
        }
        if (byWallet) {
            // No unlocked read of the sender's wallet and no lookup of the key before the transaction: the posting
            // transaction checks the key under its lock and reads (locks) the wallets anyway; owner and currency,
            // needed to validate the amount first, never change and are cached.
            return AccountId.parse(input.fromWalletId())
                    .map(from -> walletOwners.currencyOfWalletOwnedBy(user, from).flatMap(currency -> {
                        if (currency.isEmpty()) {
                            return Mono.just(walletNotFound("fromWalletId"));
                        }
                        Money amount = checkedAmount(input.amount(), currency.get());
                        TransferRequest request = new TransferRequest(user, TransferKind.P2P, from, recipient(input, true),
                                amount, note, input.idempotencyKey());
                        return toWallet(request, input.toWalletId());
                    }))
                    .orElseGet(() -> Mono.just(walletNotFound("fromWalletId")));
        }
        return ownedWallet(user, input.fromWalletId()).flatMap(from -> {
            if (from.isEmpty()) {
                return Mono.just(walletNotFound("fromWalletId"));
            }
            Money amount = checkedAmount(input.amount(), from.get().currency());
            TransferRequest request = new TransferRequest(user, TransferKind.P2P, from.get().id(), recipient(input, false), amount,
                    note, input.idempotencyKey());
            return replayOr(request, () -> toEmail(request, from.get(), input.toEmail().strip(), authorization));
        });
    }

    private static String recipient(SendMoney input, boolean byWallet) {
        return byWallet ? AccountId.parse(input.toWalletId()).map(TransferRequest::walletRecipient)
                .orElse("wallet:" + input.toWalletId().strip()) : TransferRequest.emailRecipient(input.toEmail());
    }

    /** Funds one of the user's wallets from the demo bank, when demo funding is on. */
    public Mono<TransferOutcome> deposit(UUID user, Deposit input) {
        if (!properties.demoFunding()) {
            throw new ApiException(ErrorCode.FORBIDDEN,
                    "Demo deposits are disabled on this server (ventus.payments.demo-funding=false)");
        }
        InputRules.requireKey(input.idempotencyKey(), "payment");
        InputRules.requirePositive(input.amount());
        return ownedWallet(user, input.walletId()).flatMap(wallet -> {
            if (wallet.isEmpty()) {
                return Mono.just(walletNotFound("walletId"));
            }
            Money amount = checkedAmount(input.amount(), wallet.get().currency());
            TransferRequest request = new TransferRequest(user, TransferKind.DEPOSIT, wallet.get().id(), null, amount,
                    null, input.idempotencyKey());
            return replayOr(request, () -> accounts.systemAccount(AccountKind.DEMO_BANK, amount.currency())
                    .flatMap(bank -> poster.post(request, List.of(bank, wallet.get().id()), locked ->
                            locked.containsKey(wallet.get().id())
                                    ? ledger.planDeposit(user, locked.get(bank), locked.get(wallet.get().id()), amount)
                                    : new PlanResult.Rejected(walletNotFound("walletId").rejection()),
                            PostingAudit.of(DEPOSITED))));
        });
    }

    private Mono<TransferOutcome> toWallet(TransferRequest request, String toWalletId) {
        return AccountId.parse(toWalletId)
                .map(to -> accounts.feeRevenueShard(request.amount().currency())
                        .flatMap(fees -> poster.post(request, Mono.just(p2p(request, to, fees)), PostingAudit.of(SENT))))
                .orElseGet(() -> poster.refuse(request, toWalletNotFound()));
    }

    /**
     * Pays the user with an email. The sender's funds are checked first (unlocked; the ledger checks again under
     * lock), so an empty wallet learns nothing about which emails have accounts: accounts is not even asked. The
     * recipient's wallet is opened inside the posting transaction, so a refused payment leaves no wallet behind.
     */
    private Mono<TransferOutcome> toEmail(TransferRequest request, LedgerAccount from, String email, String authorization) {
        Optional<Rejection> shortfall = ledger.shortfall(from, request.amount());
        if (shortfall.isPresent()) {
            return poster.refuse(request, shortfall.get());
        }
        Currency currency = request.amount().currency();
        return directory.userIdByEmail(email, authorization).flatMap(user -> user
                .map(recipient -> accounts.feeRevenueShard(currency)
                        .flatMap(fees -> poster.post(request, accounts.openWallet(recipient, currency)
                                .map(wallet -> p2p(request, wallet.id(), fees)), PostingAudit.of(SENT))))
                .orElseGet(() -> poster.refuse(request, Rejection.of(RejectionCode.RECIPIENT_NOT_FOUND,
                        "No VentusVault user has the email " + email, "input", "toEmail"))));
    }

    private LedgerPoster.Scope p2p(TransferRequest request, AccountId to, AccountId fees) {
        return new LedgerPoster.Scope(List.of(request.wallet(), to, fees), locked -> planP2p(request, locked, to, fees));
    }

    private PlanResult planP2p(TransferRequest request, Map<AccountId, LedgerAccount> locked, AccountId to, AccountId fees) {
        if (!locked.containsKey(request.wallet())) {
            return new PlanResult.Rejected(walletNotFound("fromWalletId").rejection());
        }
        if (!locked.containsKey(to)) {
            return new PlanResult.Rejected(toWalletNotFound());
        }
        return ledger.planP2p(request.initiator(), locked.get(request.wallet()), locked.get(to), locked.get(fees),
                request.amount());
    }

    /**
     * Answers a used key from what it answered first (transfer or refusal) without locking anything; otherwise runs
     * {@code first} (which checks the key again under its lock).
     */
    private Mono<TransferOutcome> replayOr(TransferRequest request, java.util.function.Supplier<Mono<TransferOutcome>> first) {
        return poster.previousAnswer(request).switchIfEmpty(Mono.defer(first));
    }

    private Mono<Optional<LedgerAccount>> ownedWallet(UUID user, String walletId) {
        return AccountId.parse(walletId).map(accounts::findById).orElse(Mono.empty())
                .filter(account -> account.isWalletOf(user))
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty());
    }

    private static Money checkedAmount(BigDecimal amount, Currency currency) {
        return switch (AmountCheck.of(amount, currency)) {
            case AmountCheck.Valid valid -> valid.money();
            case AmountCheck.Invalid invalid -> throw ApiException.badInput(invalid.message(), "input", "amount");
        };
    }

    private static Rejection toWalletNotFound() {
        return Rejection.of(RejectionCode.WALLET_NOT_FOUND, "No wallet has that id: check toWalletId", "input",
                "toWalletId");
    }

    private static TransferOutcome.Refused walletNotFound(String field) {
        return new TransferOutcome.Refused(Rejection.of(RejectionCode.WALLET_NOT_FOUND,
                "No wallet of yours has that id: check " + field, "input", field));
    }
}
