package com.ventusvault.payments.escrow;

import static org.assertj.core.api.Assertions.assertThat;

import com.ventusvault.payments.domain.AccountId;
import com.ventusvault.payments.domain.AccountKind;
import com.ventusvault.payments.domain.Currency;
import com.ventusvault.payments.domain.LedgerAccount;
import com.ventusvault.payments.domain.Money;
import com.ventusvault.payments.domain.PlanResult;
import com.ventusvault.payments.domain.Posting;
import com.ventusvault.payments.domain.RejectionCode;
import com.ventusvault.payments.domain.TransferId;
import com.ventusvault.payments.domain.TransferPlan;
import com.ventusvault.payments.escrow.EscrowRules.Action;
import com.ventusvault.payments.escrow.EscrowRules.Decision;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EscrowRulesTests {

    static final Instant CREATED = Instant.parse("2026-11-22T10:00:00Z");
    static final Instant EXPIRES = CREATED.plus(Duration.ofDays(7));
    final UUID payer = UUID.randomUUID();
    final UUID payee = UUID.randomUUID();
    final UUID stranger = UUID.randomUUID();
    final AccountId holding = new AccountId(UUID.randomUUID());
    final AccountId revenue = new AccountId(UUID.randomUUID());

    Escrow escrow(EscrowStatus status) {
        return new Escrow(EscrowId.random(), status, Money.of("10.10", Currency.USD), Money.of("0.06", Currency.USD),
                new AccountId(UUID.randomUUID()), payer, new AccountId(UUID.randomUUID()), payee, null, CREATED, EXPIRES,
                status == EscrowStatus.HELD ? null : CREATED.plusSeconds(5), TransferId.random(),
                status == EscrowStatus.HELD ? null : TransferId.random());
    }

    @Test
    void releaseIsThePayersAndCancelIsEitherPartys() {
        Escrow held = escrow(EscrowStatus.HELD);
        Instant now = CREATED.plusSeconds(60);
        assertThat(EscrowRules.decide(held, Action.RELEASE, payer, false, now))
                .isEqualTo(new Decision.Resolve(EscrowStatus.RELEASED, null));
        assertThat(EscrowRules.decide(held, Action.CANCEL, payer, false, now))
                .isEqualTo(new Decision.Resolve(EscrowStatus.CANCELLED, null));
        assertThat(EscrowRules.decide(held, Action.CANCEL, payee, false, now))
                .isEqualTo(new Decision.Resolve(EscrowStatus.CANCELLED, null));
        assertThat(refusal(EscrowRules.decide(held, Action.RELEASE, payee, false, now))).isEqualTo(RejectionCode.NOT_ESCROW_PAYER);
    }

    @Test
    void strangersFindNothingAndStaffSeeButDoNotResolve() {
        Escrow held = escrow(EscrowStatus.HELD);
        Instant now = CREATED.plusSeconds(60);
        for (Action action : new Action[] {Action.RELEASE, Action.CANCEL}) {
            Decision decision = EscrowRules.decide(held, action, stranger, false, now);
            assertThat(decision).isEqualTo(new Decision.Refuse(EscrowRules.notFound(), false));
        }
        Decision release = EscrowRules.decide(held, Action.RELEASE, stranger, true, now);
        Decision cancel = EscrowRules.decide(held, Action.CANCEL, stranger, true, now);
        assertThat(refusal(release)).isEqualTo(RejectionCode.NOT_ESCROW_PAYER);
        assertThat(refusal(cancel)).isEqualTo(RejectionCode.NOT_ESCROW_PARTY);
        assertThat(((Decision.Refuse) cancel).visible()).isTrue();
    }

    @Test
    void repeatingTheResolvingActionIsAnswerRefusingTheOtherIsAlreadyResolved() {
        Escrow released = escrow(EscrowStatus.RELEASED);
        Escrow cancelled = escrow(EscrowStatus.CANCELLED);
        Escrow expired = escrow(EscrowStatus.EXPIRED);
        Instant now = CREATED.plusSeconds(60);
        assertThat(EscrowRules.decide(released, Action.RELEASE, payer, false, now)).isEqualTo(new Decision.Unchanged(released));
        assertThat(EscrowRules.decide(cancelled, Action.CANCEL, payee, false, now)).isEqualTo(new Decision.Unchanged(cancelled));
        assertThat(refusal(EscrowRules.decide(released, Action.CANCEL, payee, false, now)))
                .isEqualTo(RejectionCode.ESCROW_ALREADY_RESOLVED);
        assertThat(refusal(EscrowRules.decide(cancelled, Action.RELEASE, payer, false, now)))
                .isEqualTo(RejectionCode.ESCROW_ALREADY_RESOLVED);
        assertThat(refusal(EscrowRules.decide(expired, Action.RELEASE, payer, false, now)))
                .isEqualTo(RejectionCode.ESCROW_ALREADY_RESOLVED);
        assertThat(refusal(EscrowRules.decide(expired, Action.CANCEL, payer, false, now)))
                .isEqualTo(RejectionCode.ESCROW_ALREADY_RESOLVED);
    }

    @Test
    void theDeadlineItselfIsTooLate() {
        Escrow held = escrow(EscrowStatus.HELD);
        Instant justBefore = EXPIRES.minusNanos(1000);
        assertThat(EscrowRules.decide(held, Action.EXPIRE, null, false, justBefore)).isEqualTo(new Decision.Skip());
        assertThat(EscrowRules.decide(held, Action.EXPIRE, null, false, EXPIRES))
                .isEqualTo(new Decision.Resolve(EscrowStatus.EXPIRED, null));
        Decision late = EscrowRules.decide(held, Action.RELEASE, payer, false, EXPIRES);
        assertThat(late).isInstanceOfSatisfying(Decision.Resolve.class, resolve -> {
            assertThat(resolve.to()).isEqualTo(EscrowStatus.EXPIRED);
            assertThat(resolve.thenRefuse().code()).isEqualTo(RejectionCode.ESCROW_EXPIRED);
        });
        assertThat(EscrowRules.decide(escrow(EscrowStatus.CANCELLED), Action.EXPIRE, null, false, EXPIRES))
                .isEqualTo(new Decision.Skip());
    }

    @ParameterizedTest
    @EnumSource(value = EscrowStatus.class, names = {"RELEASED", "CANCELLED"})
    void releaseAndRefundPostingsBalanceAndMoveAmountPlusFee(EscrowStatus to) {
        Escrow held = escrow(EscrowStatus.HELD);
        TransferPlan plan = to == EscrowStatus.RELEASED ? EscrowRules.release(held, holding, revenue)
                : EscrowRules.refund(held, holding);
        if (to == EscrowStatus.RELEASED) {
            assertThat(plan.postings()).containsExactly(Posting.debit(holding, Money.of("10.16", Currency.USD)),
                    Posting.credit(held.payeeWallet(), Money.of("10.10", Currency.USD)),
                    Posting.credit(revenue, Money.of("0.06", Currency.USD)));
            assertThat(plan.fee()).isEqualTo(Money.of("0.06", Currency.USD));
        } else {
            assertThat(plan.postings()).containsExactly(Posting.debit(holding, Money.of("10.16", Currency.USD)),
                    Posting.credit(held.payerWallet(), Money.of("10.16", Currency.USD)));
            assertThat(plan.amount()).isEqualTo(Money.of("10.16", Currency.USD));
            assertThat(plan.fee()).isEqualTo(Money.zero(Currency.USD));
        }
    }

    @Test
    void fundingDebitsAmountPlusFeeIntoHoldingOrRefuses() {
        LedgerAccount payerWallet = wallet(payer, "10.16");
        LedgerAccount payeeWallet = wallet(payee, "0");
        LedgerAccount holdingAccount = new LedgerAccount(holding, AccountKind.ESCROW_HOLDING, null, Currency.USD,
                Money.zero(Currency.USD), false, Money.zero(Currency.USD));
        Money amount = Money.of("10.10", Currency.USD);
        Money fee = Money.of("0.06", Currency.USD);

        PlanResult funded = EscrowRules.fund(payer, payerWallet, payeeWallet, holdingAccount, amount, fee);
        assertThat(funded).isInstanceOfSatisfying(PlanResult.Planned.class, planned -> assertThat(planned.plan().postings())
                .containsExactly(Posting.debit(payerWallet.id(), Money.of("10.16", Currency.USD)),
                        Posting.credit(holding, Money.of("10.16", Currency.USD))));
        assertThat(code(EscrowRules.fund(payer, wallet(payer, "10.15"), payeeWallet, holdingAccount, amount, fee)))
                .isEqualTo(RejectionCode.INSUFFICIENT_FUNDS);
        assertThat(code(EscrowRules.fund(payee, payerWallet, payeeWallet, holdingAccount, amount, fee)))
                .isEqualTo(RejectionCode.WALLET_NOT_FOUND);
        assertThat(code(EscrowRules.fund(payer, payerWallet, payerWallet, holdingAccount, amount, fee)))
                .isEqualTo(RejectionCode.SAME_WALLET);
        LedgerAccount euros = new LedgerAccount(new AccountId(UUID.randomUUID()), AccountKind.USER_WALLET, payee,
                Currency.EUR, Money.zero(Currency.EUR), false, Money.zero(Currency.EUR));
        assertThat(code(EscrowRules.fund(payer, payerWallet, euros, holdingAccount, amount, fee)))
                .isEqualTo(RejectionCode.CURRENCY_MISMATCH);
        assertThat(code(EscrowRules.fund(payer, payerWallet, holdingAccount, holdingAccount, amount, fee)))
                .isEqualTo(RejectionCode.WALLET_NOT_FOUND);
    }

    private static LedgerAccount wallet(UUID owner, String balance) {
        return new LedgerAccount(new AccountId(UUID.randomUUID()), AccountKind.USER_WALLET, owner, Currency.USD,
                Money.of(balance, Currency.USD), false, Money.zero(Currency.USD));
    }

    private static RejectionCode code(PlanResult result) {
        return ((PlanResult.Rejected) result).rejection().code();
    }

    private static RejectionCode refusal(Decision decision) {
        return ((Decision.Refuse) decision).rejection().code();
    }
}
