package com.ventusvault.ai.domain;

import java.time.Instant;
import java.util.List;

/** What the platform noticed about a user's money at {@code computedAt}; the GraphQL {@code Insights} type. */
public record Insights(int fundedWallets, List<BalanceChange> balanceChanges, String summary, Instant computedAt) {

    public Insights {
        balanceChanges = List.copyOf(balanceChanges);
    }
}
