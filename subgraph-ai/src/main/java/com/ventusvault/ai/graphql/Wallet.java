package com.ventusvault.ai.graphql;

/** The external {@code Wallet} fields this subgraph {@code @requires}; payments owns the wallet. */
public record Wallet(String id, String currency, Money balance) {
}
