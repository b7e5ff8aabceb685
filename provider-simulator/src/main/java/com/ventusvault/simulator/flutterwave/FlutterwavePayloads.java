package com.ventusvault.simulator.flutterwave;

import com.ventusvault.simulator.transfers.SimCharge;
import com.ventusvault.simulator.transfers.SimTransfer;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Flutterwave v3's JSON shapes ({@code status: "success"|"error"}, {@code message}, {@code data}; amounts in naira,
 * upper-case transfer statuses NEW / SUCCESSFUL / FAILED).
 */
public final class FlutterwavePayloads {

    private FlutterwavePayloads() {
    }

    public static Map<String, Object> ok(String message, Object data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "success");
        body.put("message", message);
        body.put("data", data);
        return body;
    }

    public static Map<String, Object> error(String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "error");
        body.put("message", message);
        body.put("data", null);
        return body;
    }

    static BigDecimal naira(long kobo) {
        return BigDecimal.valueOf(kobo, 2);
    }

    public static Map<String, Object> transfer(SimTransfer t) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", t.id());
        data.put("account_number", t.accountNumber());
        data.put("bank_code", t.bankCode());
        data.put("full_name", t.accountName());
        data.put("created_at", t.createdAt().toString());
        data.put("currency", "NGN");
        data.put("debit_currency", "NGN");
        data.put("amount", naira(t.amountKobo()));
        data.put("fee", new BigDecimal("10.75"));
        data.put("status", switch (t.status()) {
            case PENDING -> "NEW";
            case SUCCESS -> "SUCCESSFUL";
            case FAILED -> "FAILED";
            case REVERSED -> "REVERSED";
        });
        data.put("reference", t.reference());
        data.put("meta", null);
        data.put("narration", t.narration());
        data.put("complete_message", switch (t.status()) {
            case PENDING -> "";
            case SUCCESS -> "Successful";
            case FAILED, REVERSED -> t.failure();
        });
        data.put("requires_approval", 0);
        data.put("is_approved", 1);
        return data;
    }

    public static Map<String, Object> charge(SimCharge c) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", c.id());
        data.put("tx_ref", c.reference());
        data.put("flw_ref", c.accessCode());
        data.put("amount", naira(c.amountKobo()));
        data.put("charged_amount", naira(c.amountKobo()));
        data.put("currency", "NGN");
        data.put("status", c.paid() ? "successful" : "pending");
        data.put("payment_type", "card");
        data.put("created_at", c.createdAt().toString());
        data.put("customer", Map.of("email", c.email()));
        return data;
    }

    /** transfer.completed (SUCCESSFUL, FAILED, or REVERSED when a paid transfer came back, in data.status). */
    public static Map<String, Object> transferEvent(SimTransfer t) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", "transfer.completed");
        body.put("event.type", "Transfer");
        body.put("data", transfer(t));
        return body;
    }

    public static Map<String, Object> chargeEvent(SimCharge c) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", "charge.completed");
        body.put("event.type", "CARD_TRANSACTION");
        body.put("data", charge(c));
        return body;
    }
}
