package com.ventusvault.ai.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InsightAnalystTests {

    private static final Instant NOW = Instant.parse("2026-11-22T10:15:30Z");
    private final InsightAnalyst analyst = new InsightAnalyst();

    @Test
    void firstLookCountsFundedWalletsAndHasNothingToCompare() {
        Insights insights = analyst.analyse(List.of(wallet("w1", "USD", "100.00"), wallet("w2", "NGN", "0.00"),
                wallet("w3", "BTC", "0.00120000")), Map.of(), NOW);

        assertThat(insights.fundedWallets()).isEqualTo(2);
        assertThat(insights.computedAt()).isEqualTo(NOW);
        assertThat(insights.balanceChanges()).extracting(BalanceChange::previous).containsOnlyNulls();
        assertThat(insights.summary()).isEqualTo("You hold 2 funded wallets. Your new USD wallet holds 100.00. "
                + "Your new NGN wallet holds 0.00. Your new BTC wallet holds 0.0012. "
                + "This is your first check, so there is nothing to compare yet.");
    }

    @Test
    void reportsWhatRoseAndWhatFellSinceThePreviousLook() {
        Insights insights = analyst.analyse(List.of(wallet("w1", "USD", "74.50"), wallet("w2", "NGN", "5000")),
                Map.of("w1", new BigDecimal("100.00"), "w2", new BigDecimal("4000.00")), NOW);

        assertThat(insights.balanceChanges()).containsExactly(
                new BalanceChange("w1", "USD", new BigDecimal("100.00"), new BigDecimal("74.50")),
                new BalanceChange("w2", "NGN", new BigDecimal("4000.00"), new BigDecimal("5000")));
        assertThat(insights.summary()).isEqualTo("You hold 2 funded wallets. Your USD balance fell by 25.50 since your "
                + "last check. Your NGN balance rose by 1000.00 since your last check.");
    }

    @Test
    void saysSoWhenNothingChanged() {
        Insights insights = analyst.analyse(List.of(wallet("w1", "EUR", "10.00")), Map.of("w1", new BigDecimal("10.0")), NOW);

        assertThat(insights.summary()).isEqualTo("You hold 1 funded wallet. Your balances have not changed since your last check.");
    }

    @Test
    void aUserWithoutWalletsHearsSo() {
        assertThat(analyst.analyse(List.of(), Map.of(), NOW).summary())
                .isEqualTo("You hold no funded wallets. You have no wallets yet.");
    }

    private static WalletBalance wallet(String id, String currency, String amount) {
        return new WalletBalance(id, currency, new BigDecimal(amount));
    }
}
