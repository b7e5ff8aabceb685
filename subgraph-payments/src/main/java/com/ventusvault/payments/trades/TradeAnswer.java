package com.ventusvault.payments.trades;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * What payments answers for a trade, stored with it so that every later request for the trade gets it byte for byte:
 * COMPLETED with the two transfers, or FAILED with a code (QUOTE_EXPIRED, INSUFFICIENT_FUNDS, WALLET_NOT_FOUND).
 */
record TradeAnswer(UUID tradeId, String status, UUID sellTransferId, UUID buyTransferId, String failureCode,
                   String failureMessage) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static TradeAnswer completed(UUID tradeId, UUID sell, UUID buy) {
        return new TradeAnswer(tradeId, "COMPLETED", sell, buy, null, null);
    }

    static TradeAnswer failed(UUID tradeId, String code, String message) {
        return new TradeAnswer(tradeId, "FAILED", null, null, code, message);
    }

    String json() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("tradeId", tradeId.toString());
        answer.put("status", status);
        answer.put("sellTransferId", sellTransferId == null ? null : sellTransferId.toString());
        answer.put("buyTransferId", buyTransferId == null ? null : buyTransferId.toString());
        answer.put("failure", failureCode == null ? null : Map.of("code", failureCode, "message", failureMessage));
        return JSON.writeValueAsString(answer);
    }
}
