package com.ventusvault.payments.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LedgerTests {

    private final Ledger ledger = new Ledger(new FeeSchedule(new BigDecimal("0.005")));
    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();

    private static LedgerAccount wallet(UUID owner, Currency currency, String balance) {
        return new LedgerAccount(new AccountId(UUID.randomUUID()), AccountKind.USER_WALLET, owner, currency,
                Money.of(balance, currency), false);
    }

    private static LedgerAccount system(AccountKind kind, Currency currency) {
        return new LedgerAccount(new AccountId(UUID.randomUUID()), kind, null, currency, Money.zero(currency),
                kind.mayGoNegative());
    }

    @Test
    void p2pDebitsAmountPlusFeeAndCreditsRecipientAndFeeRevenue() {
        LedgerAccount from = wallet(alice, Currency.USD, "100");
        LedgerAccount to = wallet(bob, Currency.USD, "0");
        LedgerAccount fees = system(AccountKind.FEE_REVENUE, Currency.USD);

        PlanResult result = ledger.planP2p(alice, from, to, fees, Money.of("10.10", Currency.USD));

        TransferPlan plan = ((PlanResult.Planned) result).plan();
        // 0.5% of 10.10 = 0.0505, rounded UP to 0.06
        assertThat(plan.fee()).isEqualTo(Money.of("0.06", Currency.USD));
        assertThat(plan.postings()).containsExactly(
                Posting.debit(from.id(), Money.of("10.16", Currency.USD)),
                Posting.credit(to.id(), Money.of("10.10", Currency.USD)),
                Posting.credit(fees.id(), Money.of("0.06", Currency.USD)));
    }

    @Test
    void noPaymentIsFreeAtAPositiveRate() {
        LedgerAccount from = wallet(alice, Currency.USD, "2");
        LedgerAccount to = wallet(bob, Currency.USD, "0");
        LedgerAccount fees = system(AccountKind.FEE_REVENUE, Currency.USD);
        assertThat(((PlanResult.Planned) ledger.planP2p(alice, from, to, fees, Money.of("1.00", Currency.USD))).plan().fee())
                .isEqualTo(Money.of("0.01", Currency.USD));
        assertThat(((PlanResult.Planned) ledger.planP2p(alice, from, to, fees, Money.of("0.01", Currency.USD))).plan().fee())
                .isEqualTo(Money.of("0.01", Currency.USD));
    }

    @Test
    void aZeroFeeAddsNoPosting() {
        Ledger free = new Ledger(new FeeSchedule(BigDecimal.ZERO));
        LedgerAccount from = wallet(alice, Currency.USD, "1");
        LedgerAccount to = wallet(bob, Currency.USD, "0");
        PlanResult result = free.planP2p(alice, from, to, system(AccountKind.FEE_REVENUE, Currency.USD),
                Money.of("0.01", Currency.USD));
        assertThat(((PlanResult.Planned) result).plan().postings()).hasSize(2);
    }

    @Test
    void shortfallIsTheInsufficientFundsRuleOnItsOwn() {
        LedgerAccount from = wallet(alice, Currency.USD, "10.05");
        assertThat(ledger.shortfall(from, Money.of("10", Currency.USD))).isEmpty();
        assertThat(ledger.shortfall(from, Money.of("10.01", Currency.USD))).hasValueSatisfying(rejection ->
                assertThat(rejection.code()).isEqualTo(RejectionCode.INSUFFICIENT_FUNDS));
    }

    @Test
    void refusesWhatTheRulesForbid() {
        LedgerAccount fees = system(AccountKind.FEE_REVENUE, Currency.USD);
        LedgerAccount aliceUsd = wallet(alice, Currency.USD, "10");
        LedgerAccount bobUsd = wallet(bob, Currency.USD, "10");
        LedgerAccount bobEur = wallet(bob, Currency.EUR, "10");
        Money ten = Money.of("10", Currency.USD);

        assertThat(code(ledger.planP2p(alice, aliceUsd, bobUsd, fees, ten))).isEqualTo(RejectionCode.INSUFFICIENT_FUNDS);
        assertThat(code(ledger.planP2p(alice, bobUsd, aliceUsd, fees, Money.of("1", Currency.USD))))
                .isEqualTo(RejectionCode.WALLET_NOT_FOUND);
        assertThat(code(ledger.planP2p(alice, aliceUsd, aliceUsd, fees, Money.of("1", Currency.USD))))
                .isEqualTo(RejectionCode.SAME_WALLET);
        assertThat(code(ledger.planP2p(alice, aliceUsd, bobEur, fees, Money.of("1", Currency.USD))))
                .isEqualTo(RejectionCode.CURRENCY_MISMATCH);
        assertThat(code(ledger.planP2p(alice, aliceUsd, fees, fees, Money.of("1", Currency.USD))))
                .isEqualTo(RejectionCode.WALLET_NOT_FOUND);
    }

    @Test
    void depositsComeFromTheDemoBankWithoutFee() {
        LedgerAccount bank = system(AccountKind.DEMO_BANK, Currency.BTC);
        LedgerAccount wallet = wallet(alice, Currency.BTC, "0");
        TransferPlan plan = ((PlanResult.Planned) ledger.planDeposit(alice, bank, wallet, Money.of("0.5", Currency.BTC))).plan();
        assertThat(plan.fee()).isEqualTo(Money.zero(Currency.BTC));
        assertThat(plan.from()).isNull();
        assertThat(plan.postings()).containsExactly(Posting.debit(bank.id(), Money.of("0.5", Currency.BTC)),
                Posting.credit(wallet.id(), Money.of("0.5", Currency.BTC)));
        assertThat(code(ledger.planDeposit(bob, bank, wallet, Money.of("1", Currency.BTC)))).isEqualTo(RejectionCode.WALLET_NOT_FOUND);
    }

    @Test
    void anUnbalancedPlanCannotBeBuilt() {
        AccountId a = new AccountId(UUID.randomUUID());
        assertThatThrownBy(() -> new TransferPlan(TransferKind.P2P, Money.of("1", Currency.USD), Money.zero(Currency.USD), a, a,
                List.of(Posting.debit(a, Money.of("1", Currency.USD))))).hasMessageContaining("Unbalanced");
        assertThatThrownBy(() -> new FeeSchedule(new BigDecimal("1.5"))).isInstanceOf(IllegalArgumentException.class);
    }

    private static RejectionCode code(PlanResult result) {
        return ((PlanResult.Rejected) result).rejection().code();
    }
}
