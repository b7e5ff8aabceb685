package com.ventusvault.simulator.paystack;

import com.ventusvault.simulator.transfers.SimCharge;
import com.ventusvault.simulator.transfers.SimTransfer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Paystack's JSON shapes for a transfer, a charge and their webhook events ({@code status: true|false},
 * {@code message}, {@code data}; amounts in kobo; lower-case statuses).
 */
public final class PaystackPayloads {

    private PaystackPayloads() {
    }

    /** A success envelope. */
    public static Map<String, Object> ok(String message, Object data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", true);
        body.put("message", message);
        body.put("data", data);
        return body;
    }

    /** An error envelope as Paystack sends it (no data). */
    public static Map<String, Object> error(String message, String type, String code) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", false);
        body.put("message", message);
        if (type != null) {
            body.put("type", type);
            body.put("code", code);
        }
        return body;
    }

    public static Map<String, Object> transfer(SimTransfer t) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", t.id());
        data.put("domain", "test");
        data.put("integration", 100032);
        data.put("amount", t.amountKobo());
        data.put("currency", "NGN");
        data.put("source", "balance");
        data.put("reason", t.narration());
        data.put("reference", t.reference());
        data.put("transfer_code", t.code());
        data.put("status", t.status().name().toLowerCase(java.util.Locale.ROOT));
        data.put("failures", t.failure().isEmpty() ? null : t.failure());
        data.put("recipient", Map.of("type", "nuban", "name", t.accountName(), "details", Map.of(
                "account_number", t.accountNumber(), "account_name", t.accountName(), "bank_code", t.bankCode())));
        data.put("transferred_at", t.status() == SimTransfer.Status.SUCCESS ? t.updatedAt().toString() : null);
        data.put("createdAt", t.createdAt().toString());
        data.put("updatedAt", t.updatedAt().toString());
        return data;
    }

    public static Map<String, Object> charge(SimCharge c) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", c.id());
        data.put("domain", "test");
        data.put("status", c.paid() ? "success" : "ongoing");
        data.put("reference", c.reference());
        data.put("amount", c.amountKobo());
        data.put("currency", "NGN");
        data.put("channel", "card");
        data.put("gateway_response", c.paid() ? "Successful" : "Pending");
        data.put("paid_at", c.paid() ? c.paidAt().toString() : null);
        data.put("created_at", c.createdAt().toString());
        data.put("customer", Map.of("email", c.email()));
        return data;
    }

    /** transfer.success / transfer.failed / transfer.reversed. */
    public static Map<String, Object> transferEvent(SimTransfer t) {
        String event = switch (t.status()) {
            case SUCCESS -> "transfer.success";
            case FAILED -> "transfer.failed";
            case REVERSED -> "transfer.reversed";
            case PENDING -> throw new IllegalArgumentException("No event for a pending transfer");
        };
        return event(event, transfer(t));
    }

    public static Map<String, Object> chargeEvent(SimCharge c) {
        return event("charge.success", charge(c));
    }

    private static Map<String, Object> event(String event, Map<String, Object> data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", event);
        body.put("data", data);
        return body;
    }
}
