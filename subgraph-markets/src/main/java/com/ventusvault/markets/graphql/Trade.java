package com.ventusvault.markets.graphql;

import com.ventusvault.markets.trading.StoredTrade;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code Trade} as GraphQL serves it; {@code quote} is resolved by {@link TradingController}, {@code transfers} are
 * references to payments' {@code Transfer}s (the gateway resolves them there).
 */
record Trade(String id, String quoteId, String userId, String status, List<Map<String, String>> transfers,
             UserError failure, Instant createdAt) {

    static Trade of(StoredTrade trade) {
        List<Map<String, String>> legs = trade.sellTransferId() == null ? List.of()
                : List.of(Map.of("id", trade.sellTransferId().toString()), Map.of("id", trade.buyTransferId().toString()));
        UserError failure = trade.failureCode() == null ? null
                : new UserError(trade.failureCode(), trade.failureMessage(), null);
        return new Trade(trade.id().toString(), trade.quoteId().toString(), trade.userId().toString(), trade.status(),
                legs, failure, trade.createdAt());
    }
}
