package com.ventusvault.payments.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The ledger's rules: given the accounts a transfer touches, read under lock, either plan balanced postings or say
 * why not. Pure: it writes nothing, so the same rules hold for every caller and are tested without a database.
 */
public final class Ledger {

    private final FeeSchedule fees;

    public Ledger(FeeSchedule fees) {
        this.fees = fees;
    }

    /** The fee schedule the plans charge (and {@code feeQuote} quotes). */
    public FeeSchedule fees() {
        return fees;
    }

    /**
     * A P2P payment of {@code amount} from {@code from} (which {@code initiator} must own) to {@code to}: the sender
     * is debited amount + fee, the recipient credited amount, fee revenue credited the fee.
     */
    public PlanResult planP2p(UUID initiator, LedgerAccount from, LedgerAccount to, LedgerAccount feeRevenue, Money amount) {
        if (!from.isWalletOf(initiator)) {
            return walletNotFound("fromWalletId");
        }
        if (to.kind() != AccountKind.USER_WALLET) {
            return new PlanResult.Rejected(Rejection.of(RejectionCode.WALLET_NOT_FOUND,
                    "No wallet has that id: check toWalletId", "input", "toWalletId"));
        }
        if (from.id().equals(to.id())) {
            return new PlanResult.Rejected(Rejection.of(RejectionCode.SAME_WALLET,
                    "A wallet cannot pay itself: choose a different recipient wallet", "input", "toWalletId"));
        }
        if (from.currency() != to.currency()) {
            return new PlanResult.Rejected(Rejection.of(RejectionCode.CURRENCY_MISMATCH, "Wallet " + from.id()
                    + " holds " + from.currency() + " but the recipient wallet holds " + to.currency(), "input", "toWalletId"));
        }
        requireSystemAccount(feeRevenue, AccountKind.FEE_REVENUE, from.currency());
        Optional<Rejection> shortfall = shortfall(from, amount);
        if (shortfall.isPresent()) {
            return new PlanResult.Rejected(shortfall.get());
        }
        Money fee = fees.feeFor(TransferKind.P2P, amount);
        Money debit = amount.plus(fee);
        List<Posting> postings = new ArrayList<>(3);
        postings.add(Posting.debit(from.id(), debit));
        postings.add(Posting.credit(to.id(), amount));
        if (fee.isPositive()) {
            postings.add(Posting.credit(feeRevenue.id(), fee));
        }
        return new PlanResult.Planned(new TransferPlan(TransferKind.P2P, amount, fee, from.id(), to.id(), postings));
    }

    /**
     * {@code INSUFFICIENT_FUNDS} when {@code from} cannot pay {@code amount} plus its P2P fee, else empty. The planner
     * applies it under lock; {@code sendMoney(toEmail)} also applies it to an unlocked read before it asks accounts
     * who has the email, so an empty wallet cannot be used to probe which emails have accounts.
     */
    public Optional<Rejection> shortfall(LedgerAccount from, Money amount) {
        Money fee = fees.feeFor(TransferKind.P2P, amount);
        Money debit = amount.plus(fee);
        if (from.canGive(debit)) {
            return Optional.empty();
        }
        return Optional.of(Rejection.of(RejectionCode.INSUFFICIENT_FUNDS, "Sending " + amount + " costs " + debit
                + " including a fee of " + fee + ", but the wallet has " + from.available() + " available"
                + (from.held().isPositive() ? " (" + from.held() + " is held)" : ""), "input", "amount"));
    }

    /** A demo deposit of {@code amount} from the demo bank into {@code wallet}, which {@code initiator} must own. */
    public PlanResult planDeposit(UUID initiator, LedgerAccount demoBank, LedgerAccount wallet, Money amount) {
        if (!wallet.isWalletOf(initiator)) {
            return walletNotFound("walletId");
        }
        requireSystemAccount(demoBank, AccountKind.DEMO_BANK, wallet.currency());
        if (!demoBank.canGive(amount)) {
            throw new IllegalStateException("The " + wallet.currency() + " demo bank must be allowed to go negative");
        }
        Money fee = fees.feeFor(TransferKind.DEPOSIT, amount);
        return new PlanResult.Planned(new TransferPlan(TransferKind.DEPOSIT, amount, fee, null, wallet.id(),
                List.of(Posting.debit(demoBank.id(), amount), Posting.credit(wallet.id(), amount))));
    }

    private static PlanResult walletNotFound(String field) {
        return new PlanResult.Rejected(Rejection.of(RejectionCode.WALLET_NOT_FOUND,
                "No wallet of yours has that id: check " + field, "input", field));
    }

    private static void requireSystemAccount(LedgerAccount account, AccountKind kind, Currency currency) {
        if (account.kind() != kind || account.currency() != currency) {
            throw new IllegalStateException("Expected the " + currency + " " + kind + " account, got " + account);
        }
    }
}
