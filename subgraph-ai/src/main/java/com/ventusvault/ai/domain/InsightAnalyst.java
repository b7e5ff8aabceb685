package com.ventusvault.ai.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a user's wallets now and their balances at the previous look into {@link Insights}: how many wallets are
 * funded, each wallet's change, and a plain-language summary built only from those numbers, e.g.
 * "You hold 2 funded wallets. Your USD balance fell by 25.50 since your last check."
 */
public final class InsightAnalyst {

    /** Computes insights; {@code previous} maps wallet id to the balance seen at the previous look. */
    public Insights analyse(List<WalletBalance> wallets, Map<String, BigDecimal> previous, Instant now) {
        List<BalanceChange> changes = wallets.stream()
                .map(wallet -> new BalanceChange(wallet.walletId(), wallet.currency(), previous.get(wallet.walletId()),
                        wallet.amount()))
                .toList();
        int funded = (int) wallets.stream().filter(WalletBalance::funded).count();
        return new Insights(funded, changes, summary(funded, changes), now);
    }

    private static String summary(int funded, List<BalanceChange> changes) {
        List<String> sentences = new ArrayList<>();
        sentences.add(switch (funded) {
            case 0 -> "You hold no funded wallets.";
            case 1 -> "You hold 1 funded wallet.";
            default -> "You hold " + funded + " funded wallets.";
        });
        boolean anyCompared = false;
        boolean anyMoved = false;
        for (BalanceChange change : changes) {
            if (change.previous() == null) {
                sentences.add("Your new " + change.currency() + " wallet holds " + amount(change.current()) + ".");
                continue;
            }
            anyCompared = true;
            BigDecimal delta = change.delta().orElseThrow();
            if (delta.signum() != 0) {
                anyMoved = true;
                sentences.add("Your " + change.currency() + " balance " + (delta.signum() > 0 ? "rose" : "fell") + " by "
                        + amount(delta.abs()) + " since your last check.");
            }
        }
        if (changes.isEmpty()) {
            sentences.add("You have no wallets yet.");
        } else if (!anyCompared) {
            sentences.add("This is your first check, so there is nothing to compare yet.");
        } else if (!anyMoved) {
            sentences.add("Your balances have not changed since your last check.");
        }
        return String.join(" ", sentences);
    }

    /** Plain digits with at least two decimals: 25.5 reads as 25.50, 0.00012 BTC keeps its digits. */
    private static String amount(BigDecimal value) {
        return value.setScale(Math.max(2, value.stripTrailingZeros().scale()), RoundingMode.UNNECESSARY).toPlainString();
    }
}
