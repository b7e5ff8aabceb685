package com.ventusvault.stack;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One {@code sendMoney} request of the bank-invariant workload, as the client sends it: the sender (index into the
 * test's users), the idempotency key, both wallets and the amount. Sending it again is a retry; sending it with
 * another amount is a conflicting reuse of the key.
 */
record TransferAttempt(int sender, String key, String currency, String fromWallet, int recipient, String toWallet,
                       BigDecimal amount) {

    Map<String, Object> input() {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("fromWalletId", fromWallet);
        input.put("toWalletId", toWallet);
        input.put("amount", amount.toPlainString());
        input.put("idempotencyKey", key);
        return input;
    }

    /** The same key with a different amount: the server must refuse it (IDEMPOTENCY_KEY_REUSED) and post nothing. */
    TransferAttempt conflicting() {
        return new TransferAttempt(sender, key, currency, fromWallet, recipient, toWallet, amount.add(new BigDecimal("0.01")));
    }

    /** What the client learned from one request. */
    sealed interface Outcome {
    }

    /** The server posted (or replayed) this transfer. */
    record Acknowledged(String transferId, String status, BigDecimal amount, BigDecimal fee) implements Outcome {
    }

    /** The server refused it as data ({@code userErrors}). */
    record Refused(String code) implements Outcome {
    }

    /**
     * The client does not know: the request timed out, or the server answered with a GraphQL error. Resolved at the
     * end by retrying with the key. {@code timeout} tells a slow answer from an error the bank must not give.
     */
    record Unknown(String reason, boolean timeout) implements Outcome {
    }
}
