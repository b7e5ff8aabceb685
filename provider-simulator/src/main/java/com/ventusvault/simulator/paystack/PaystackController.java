package com.ventusvault.simulator.paystack;

import com.ventusvault.simulator.Provider;
import com.ventusvault.simulator.banking.Bank;
import com.ventusvault.simulator.banking.BankDirectory;
import com.ventusvault.simulator.config.SimulatorProperties;
import com.ventusvault.simulator.transfers.Creation;
import com.ventusvault.simulator.transfers.SimulatedPayments;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * Paystack's transfer and transaction endpoints below {@code /paystack}, with its envelopes and status codes:
 * 401 for a wrong secret key, 400 for missing or malformed fields, 422 when an account cannot be resolved, 404 for an
 * unknown reference. A transfer reference already used answers 400 "Duplicate Transfer Reference" (the existing
 * transfer is never paid again; verify the reference to see it).
 */
@RestController
@RequestMapping("/paystack")
class PaystackController {

    private static final Provider PAYSTACK = Provider.PAYSTACK;

    private final SimulatorProperties properties;
    private final BankDirectory banks;
    private final SimulatedPayments payments;
    private final Map<String, Map<String, Object>> recipients = new ConcurrentHashMap<>();

    PaystackController(SimulatorProperties properties, BankDirectory banks, SimulatedPayments payments) {
        this.properties = properties;
        this.banks = banks;
        this.payments = payments;
    }

    private Optional<ResponseEntity<Map<String, Object>>> unauthorized(String authorization) {
        if (authorization == null || !authorization.equals("Bearer " + properties.paystack().secretKey())) {
            return Optional.of(ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .body(PaystackPayloads.error("Invalid key", null, null)));
        }
        return Optional.empty();
    }

    private static ResponseEntity<Map<String, Object>> invalid(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(PaystackPayloads.error(message, "validation_error", "invalid_params"));
    }

    @GetMapping("/bank")
    ResponseEntity<Map<String, Object>> banks(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String auth) {
        return unauthorized(auth).orElseGet(() -> ResponseEntity.ok(PaystackPayloads.ok("Banks retrieved",
                banks.banks().stream().map(PaystackController::bank).toList())));
    }

    private static Map<String, Object> bank(Bank b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", b.id());
        m.put("name", b.name());
        m.put("slug", b.slug());
        m.put("code", b.code());
        m.put("active", true);
        m.put("country", "Nigeria");
        m.put("currency", "NGN");
        m.put("type", "nuban");
        return m;
    }

    @GetMapping("/bank/resolve")
    ResponseEntity<Map<String, Object>> resolve(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String auth,
                                                @RequestParam(name = "account_number", required = false) String accountNumber,
                                                @RequestParam(name = "bank_code", required = false) String bankCode) {
        return unauthorized(auth).orElseGet(() -> {
            if (blank(accountNumber) || blank(bankCode)) {
                return invalid(HttpStatus.BAD_REQUEST, "Account number and bank code are required");
            }
            if (banks.bank(bankCode).isEmpty()) {
                return invalid(HttpStatus.UNPROCESSABLE_CONTENT, "Unknown bank code: " + bankCode);
            }
            return banks.holder(bankCode, accountNumber)
                    .map(name -> ResponseEntity.ok(PaystackPayloads.ok("Account number resolved", Map.of(
                            "account_number", accountNumber, "account_name", name,
                            "bank_id", banks.bank(bankCode).orElseThrow().id()))))
                    .orElseGet(() -> invalid(HttpStatus.UNPROCESSABLE_CONTENT,
                            "Could not resolve account name. Check parameters or try again."));
        });
    }

    @PostMapping("/transferrecipient")
    ResponseEntity<Map<String, Object>> createRecipient(
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String auth,
            @RequestBody Map<String, Object> body) {
        return unauthorized(auth).orElseGet(() -> {
            String type = text(body, "type");
            String accountNumber = text(body, "account_number");
            String bankCode = text(body, "bank_code");
            if (!"nuban".equals(type)) {
                return invalid(HttpStatus.BAD_REQUEST, "Recipient type is invalid: only nuban is supported here");
            }
            if (blank(text(body, "name")) || blank(accountNumber) || blank(bankCode)) {
                return invalid(HttpStatus.BAD_REQUEST, "name, account_number and bank_code are required");
            }
            Optional<String> holder = banks.holder(bankCode, accountNumber);
            if (holder.isEmpty()) {
                return invalid(HttpStatus.UNPROCESSABLE_CONTENT, "Cannot resolve account");
            }
            // Paystack returns the existing recipient for an account it already has.
            Map<String, Object> recipient = recipients.computeIfAbsent(bankCode + ":" + accountNumber, k -> {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("active", true);
                r.put("currency", "NGN");
                r.put("domain", "test");
                r.put("id", recipients.size() + 1);
                r.put("name", text(body, "name"));
                r.put("recipient_code", "RCP_" + Integer.toHexString((bankCode + accountNumber).hashCode()));
                r.put("type", "nuban");
                r.put("details", Map.of("account_number", accountNumber, "account_name", holder.get(),
                        "bank_code", bankCode, "bank_name", banks.bank(bankCode).orElseThrow().name()));
                return r;
            });
            return ResponseEntity.status(HttpStatus.CREATED)
                    .body(PaystackPayloads.ok("Transfer recipient created successfully", recipient));
        });
    }

    @PostMapping("/transfer")
    ResponseEntity<Map<String, Object>> transfer(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String auth,
                                                 @RequestBody Map<String, Object> body) {
        return unauthorized(auth).orElseGet(() -> {
            if (!"balance".equals(text(body, "source"))) {
                return invalid(HttpStatus.BAD_REQUEST, "Source must be balance");
            }
            Long amount = kobo(body.get("amount"));
            if (amount == null || amount <= 0) {
                return invalid(HttpStatus.BAD_REQUEST, "Amount should be a positive integer in kobo");
            }
            String currency = text(body, "currency");
            if (currency != null && !currency.equals("NGN")) {
                return invalid(HttpStatus.BAD_REQUEST, "Currency not supported: " + currency);
            }
            String reference = text(body, "reference");
            if (blank(reference) || !reference.matches("[A-Za-z0-9_-]{1,100}")) {
                return invalid(HttpStatus.BAD_REQUEST, "Reference may only contain alphanumerics, - and _");
            }
            Map<String, Object> recipient = recipients.values().stream()
                    .filter(r -> r.get("recipient_code").equals(text(body, "recipient"))).findFirst().orElse(null);
            if (recipient == null) {
                return invalid(HttpStatus.BAD_REQUEST, "Recipient specified is invalid");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> details = (Map<String, Object>) recipient.get("details");
            var created = payments.queueTransfer(PAYSTACK, reference, amount, (String) details.get("bank_code"),
                    (String) details.get("account_number"), (String) details.get("account_name"),
                    text(body, "reason") == null ? "" : text(body, "reason"));
            return switch (created) {
                case Creation.Created<?> c -> ResponseEntity.ok(PaystackPayloads.ok("Transfer has been queued",
                        PaystackPayloads.transfer(created.item())));
                case Creation.Duplicate<?> d -> ResponseEntity.badRequest().body(PaystackPayloads.error(
                        "Duplicate Transfer Reference", "validation_error", "duplicate_reference"));
            };
        });
    }

    @GetMapping({"/transfer/verify/{reference}"})
    ResponseEntity<Map<String, Object>> verifyTransfer(
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String auth,
            @PathVariable String reference) {
        return unauthorized(auth).orElseGet(() -> payments.transfer(PAYSTACK, reference)
                .map(t -> ResponseEntity.ok(PaystackPayloads.ok("Transfer retrieved", PaystackPayloads.transfer(t))))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .body(PaystackPayloads.error("Transfer not found", "api_error", "not_found"))));
    }

    @GetMapping("/transfer/{idOrCode}")
    ResponseEntity<Map<String, Object>> fetchTransfer(
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String auth,
            @PathVariable String idOrCode) {
        return unauthorized(auth).orElseGet(() -> payments.transferById(PAYSTACK, idOrCode)
                .map(t -> ResponseEntity.ok(PaystackPayloads.ok("Transfer retrieved", PaystackPayloads.transfer(t))))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .body(PaystackPayloads.error("Transfer not found", "api_error", "not_found"))));
    }

    @PostMapping("/transaction/initialize")
    ResponseEntity<Map<String, Object>> initialize(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String auth,
                                                   @RequestBody Map<String, Object> body, ServerWebExchange exchange) {
        return unauthorized(auth).orElseGet(() -> {
            String email = text(body, "email");
            Long amount = kobo(body.get("amount"));
            if (blank(email) || !email.contains("@")) {
                return invalid(HttpStatus.BAD_REQUEST, "Invalid Email Address Passed");
            }
            if (amount == null || amount <= 0) {
                return invalid(HttpStatus.BAD_REQUEST, "Invalid Amount Sent");
            }
            String reference = blank(text(body, "reference")) ? "T" + System.nanoTime() : text(body, "reference");
            var created = payments.openCharge(PAYSTACK, reference, amount, email);
            if (created instanceof Creation.Duplicate<?>) {
                return invalid(HttpStatus.BAD_REQUEST, "Duplicate Transaction Reference");
            }
            String accessCode = created.item().accessCode();
            String url = exchange.getRequest().getURI().resolve("/paystack/checkout/" + accessCode).toString();
            return ResponseEntity.ok(PaystackPayloads.ok("Authorization URL created", Map.of(
                    "authorization_url", url, "access_code", accessCode, "reference", reference)));
        });
    }

    @GetMapping("/transaction/verify/{reference}")
    ResponseEntity<Map<String, Object>> verifyTransaction(
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String auth,
            @PathVariable String reference) {
        return unauthorized(auth).orElseGet(() -> payments.charge(PAYSTACK, reference)
                .map(c -> ResponseEntity.ok(PaystackPayloads.ok("Verification successful", PaystackPayloads.charge(c))))
                .orElseGet(() -> ResponseEntity.badRequest()
                        .body(PaystackPayloads.error("Transaction reference not found", "validation_error", "not_found"))));
    }

    /** The hosted checkout page (the simulated payer pays by themself after the charge delay). */
    @GetMapping(value = "/checkout/{accessCode}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> checkout(@PathVariable String accessCode) {
        return payments.chargeByAccessCode(accessCode)
                .map(c -> ResponseEntity.ok("<html><body><h1>Simulated Paystack checkout</h1><p>NGN "
                        + BigDecimal.valueOf(c.amountKobo(), 2) + " from " + c.email() + ": "
                        + (c.paid() ? "paid" : "paying automatically in a moment") + "</p></body></html>"))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    static String text(Map<String, Object> body, String field) {
        Object value = body.get(field);
        return value == null ? null : value.toString();
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** An integer amount (number or numeric string), else null. */
    static Long kobo(Object amount) {
        try {
            BigDecimal value = amount instanceof Number n ? new BigDecimal(n.toString())
                    : amount instanceof String s ? new BigDecimal(s) : null;
            return value == null ? null : value.longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
    }

}
