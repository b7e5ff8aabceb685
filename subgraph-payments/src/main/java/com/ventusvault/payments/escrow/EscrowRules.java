package com.ventusvault.payments.escrow;

import com.ventusvault.payments.domain.AccountId;
import com.ventusvault.payments.domain.AccountKind;
import com.ventusvault.payments.domain.LedgerAccount;
import com.ventusvault.payments.domain.Money;
import com.ventusvault.payments.domain.PlanResult;
import com.ventusvault.payments.domain.Posting;
import com.ventusvault.payments.domain.Rejection;
import com.ventusvault.payments.domain.RejectionCode;
import com.ventusvault.payments.domain.TransferKind;
import com.ventusvault.payments.domain.TransferPlan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Escrow's posting rules and its state machine, pure (no I/O), so they hold for every caller and are tested without a
 * database. With {@code A} the amount and {@code F} the fee (charged at creation):
 * <ul>
 *   <li>fund: payer wallet {@code -(A+F)}, ESCROW_HOLDING {@code +(A+F)};</li>
 *   <li>release (payer only): holding {@code -(A+F)}, payee wallet {@code +A}, FEE_REVENUE {@code +F};</li>
 *   <li>cancel (payer or payee) and expiry: holding {@code -(A+F)}, payer wallet {@code +(A+F)}.</li>
 * </ul>
 * All transfers are of kind ESCROW. A resolution transfer has no {@code from} wallet (money leaves holding, not a
 * wallet: it is not a wallet's outgoing payment, so outgoing limits do not apply, and {@code Transfer.from} is null).
 * Resolution happens at most once: only a HELD escrow moves, and a repeat of the
 * action that resolved it is answered with the escrow as it is (the escrow id is the idempotency key).
 */
public final class EscrowRules {

    private EscrowRules() {
    }

    /** What resolving an escrow means. */
    public enum Action {
        RELEASE, CANCEL, EXPIRE
    }

    /** What to do with an escrow, decided under its row lock. */
    public sealed interface Decision {

        /** Nothing to write: answer with the escrow as it is (a repeated release or cancel). */
        record Unchanged(Escrow escrow) implements Decision {
        }

        /** Nothing to write: refuse. {@code visible} says whether the caller may see the escrow. */
        record Refuse(Rejection rejection, boolean visible) implements Decision {
        }

        /**
         * Move the money and set the status. {@code thenRefuse} is the refusal to report after committing (a release
         * or cancel that came after {@code expiresAt} expires the escrow, then says ESCROW_EXPIRED), or {@code null}.
         */
        record Resolve(EscrowStatus to, Rejection thenRefuse) implements Decision {
        }

        /** The sweep: not (or no longer) due, leave it. */
        record Skip() implements Decision {
        }
    }

    /**
     * Decides what {@code action} by {@code actor} ({@code null} for the expiry sweep) does to the escrow at {@code now}.
     * Staff may see every escrow but resolve none they are not a party to.
     */
    public static Decision decide(Escrow escrow, Action action, UUID actor, boolean actorIsStaff, Instant now) {
        if (action == Action.EXPIRE) {
            return escrow.status() == EscrowStatus.HELD && escrow.isDueAt(now)
                    ? new Decision.Resolve(EscrowStatus.EXPIRED, null) : new Decision.Skip();
        }
        if (!escrow.isParty(actor) && !actorIsStaff) {
            return new Decision.Refuse(notFound(), false);
        }
        if (action == Action.RELEASE && !actor.equals(escrow.payer())) {
            return new Decision.Refuse(Rejection.of(RejectionCode.NOT_ESCROW_PAYER,
                    "Only the payer can release escrow " + escrow.id() + "; the payee may cancel it", "id"), true);
        }
        if (action == Action.CANCEL && !escrow.isParty(actor)) {
            return new Decision.Refuse(Rejection.of(RejectionCode.NOT_ESCROW_PARTY,
                    "Only the payer or the payee can cancel escrow " + escrow.id(), "id"), true);
        }
        EscrowStatus wanted = action == Action.RELEASE ? EscrowStatus.RELEASED : EscrowStatus.CANCELLED;
        return switch (escrow.status()) {
            case HELD -> escrow.isDueAt(now)
                    ? new Decision.Resolve(EscrowStatus.EXPIRED, expired(escrow))
                    : new Decision.Resolve(wanted, null);
            case RELEASED, CANCELLED -> escrow.status() == wanted
                    ? new Decision.Unchanged(escrow)
                    : new Decision.Refuse(alreadyResolved(escrow), true);
            case EXPIRED -> new Decision.Refuse(alreadyResolved(escrow), true);
        };
    }

    /**
     * Funding a new escrow of {@code amount} plus {@code fee} from {@code payer} (which {@code initiator} must own)
     * for {@code payee}, read under lock.
     */
    public static PlanResult fund(UUID initiator, LedgerAccount payer, LedgerAccount payee, LedgerAccount holding,
                                  Money amount, Money fee) {
        if (!payer.isWalletOf(initiator)) {
            return rejected(RejectionCode.WALLET_NOT_FOUND, "No wallet of yours has that id: check fromWalletId",
                    "fromWalletId");
        }
        if (payee == null || payee.kind() != AccountKind.USER_WALLET) {
            return rejected(RejectionCode.WALLET_NOT_FOUND, "No wallet has that id: check toWalletId", "toWalletId");
        }
        if (payer.id().equals(payee.id())) {
            return rejected(RejectionCode.SAME_WALLET,
                    "An escrow needs two wallets: choose a payee other than yourself", "toWalletId");
        }
        if (payer.currency() != payee.currency()) {
            return rejected(RejectionCode.CURRENCY_MISMATCH, "Wallet " + payer.id() + " holds " + payer.currency()
                    + " but the payee's wallet holds " + payee.currency(), "toWalletId");
        }
        requireHolding(holding, amount);
        Money debit = amount.plus(fee);
        if (!payer.canGive(debit)) {
            return new PlanResult.Rejected(insufficientFunds(amount, fee, payer.available()));
        }
        return new PlanResult.Planned(new TransferPlan(TransferKind.ESCROW, amount, fee, payer.id(), holding.id(),
                List.of(Posting.debit(payer.id(), debit), Posting.credit(holding.id(), debit))));
    }

    /** INSUFFICIENT_FUNDS for an escrow of {@code amount} + {@code fee} from a wallet with {@code available}. */
    public static Rejection insufficientFunds(Money amount, Money fee, Money available) {
        return Rejection.of(RejectionCode.INSUFFICIENT_FUNDS, "Escrowing " + amount + " costs " + amount.plus(fee)
                + " including a fee of " + fee + ", but the wallet has " + available + " available", "input", "amount");
    }

    /** The release of a HELD escrow: the amount to the payee, the fee to fee revenue. */
    public static TransferPlan release(Escrow escrow, AccountId holding, AccountId feeRevenue) {
        List<Posting> postings = new ArrayList<>(3);
        postings.add(Posting.debit(holding, escrow.held()));
        postings.add(Posting.credit(escrow.payeeWallet(), escrow.amount()));
        if (escrow.fee().isPositive()) {
            postings.add(Posting.credit(feeRevenue, escrow.fee()));
        }
        return new TransferPlan(TransferKind.ESCROW, escrow.amount(), escrow.fee(), null, escrow.payeeWallet(),
                postings);
    }

    /** The refund of a HELD escrow (cancel or expiry): amount and fee back to the payer; no fee on the refund. */
    public static TransferPlan refund(Escrow escrow, AccountId holding) {
        return new TransferPlan(TransferKind.ESCROW, escrow.held(), Money.zero(escrow.amount().currency()), null,
                escrow.payerWallet(), List.of(Posting.debit(holding, escrow.held()),
                Posting.credit(escrow.payerWallet(), escrow.held())));
    }

    public static Rejection notFound() {
        return Rejection.of(RejectionCode.ESCROW_NOT_FOUND, "No escrow of yours has that id", "id");
    }

    private static Rejection alreadyResolved(Escrow escrow) {
        return Rejection.of(RejectionCode.ESCROW_ALREADY_RESOLVED, "Escrow " + escrow.id() + " is already "
                + escrow.status() + " (at " + escrow.resolvedAt() + "); an escrow is resolved once", "id");
    }

    private static Rejection expired(Escrow escrow) {
        return Rejection.of(RejectionCode.ESCROW_EXPIRED, "Escrow " + escrow.id() + " expired at " + escrow.expiresAt()
                + ": its amount and fee went back to the payer", "id");
    }

    private static PlanResult rejected(RejectionCode code, String message, String field) {
        return new PlanResult.Rejected(Rejection.of(code, message, "input", field));
    }

    private static void requireHolding(LedgerAccount holding, Money amount) {
        if (holding == null || holding.kind() != AccountKind.ESCROW_HOLDING || holding.currency() != amount.currency()) {
            throw new IllegalStateException("Expected the " + amount.currency() + " ESCROW_HOLDING account, got " + holding);
        }
    }
}
