package com.ventusvault.ai.graphql;

import java.util.List;

/**
 * A {@code User} entity as the gateway represents it to this subgraph: its key and the {@code @requires} wallets.
 * The class name must stay {@code User}: federation resolves entity types by class name.
 *
 * @param wallets null when the representation carried none (the gateway did not honour {@code @requires})
 */
public record User(String id, List<Wallet> wallets) {
}
