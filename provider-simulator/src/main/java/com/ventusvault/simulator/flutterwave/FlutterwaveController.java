package com.ventusvault.simulator.flutterwave;

import com.ventusvault.simulator.Provider;
import com.ventusvault.simulator.banking.BankDirectory;
import com.ventusvault.simulator.config.SimulatorProperties;
import com.ventusvault.simulator.transfers.Creation;
import com.ventusvault.simulator.transfers.SimulatedPayments;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
 * Flutterwave v3's transfer and payment endpoints below {@code /flutterwave/v3}, with its envelopes
 * ({@code status: "success"|"error"}) and status codes: 401 for a wrong secret key, 400 for invalid input, an account
 * that cannot be resolved or a reference already used ("Transfer with this reference already exists"), 404 for an
 * unknown transfer id. Amounts are in naira with at most 2 decimals. As at Flutterwave, a transfer to an account that
 * does not exist is queued and then FAILS.
 */
@RestController
@RequestMapping("/flutterwave/v3")
class FlutterwaveController {

    private static final Provider FLUTTERWAVE = Provider.FLUTTERWAVE;

    private final SimulatorProperties properties;
    private final BankDirectory banks;
    private final SimulatedPayments payments;

    FlutterwaveController(SimulatorProperties properties, BankDirectory banks, SimulatedPayments payments) {
        this.properties = properties;
        this.banks = banks;
        this.payments = payments;
    }

    private Optional<ResponseEntity<Map<String, Object>>> unauthorized(String authorization) {
        if (authorization == null || !authorization.equals("Bearer " + properties.flutterwave().secretKey())) {
            return Optional.of(ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .body(FlutterwavePayloads.error("Invalid authorization key")));
        }
        return Optional.empty();
    }

    private static ResponseEntity<Map<String, Object>> bad(String message) {
        return ResponseEntity.badRequest().body(FlutterwavePayloads.error(message));
    }

    @GetMapping("/banks/{country}")
    ResponseEntity<Map<String, Object>> banks(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String auth,
                                              @PathVariable String country) {
        return unauthorized(auth).orElseGet(() -> !"NG".equalsIgnoreCase(country)
                ? bad("Only NG banks are simulated")
                : ResponseEntity.ok(FlutterwavePayloads.ok("Banks fetched successfully", banks.banks().stream()
                        .map(b -> Map.<String, Object>of("id", b.id(), "code", b.code(), "name", b.name())).toList())));
    }

    @PostMapping("/accounts/resolve")
    ResponseEntity<Map<String, Object>> resolve(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String auth,
                                                @RequestBody Map<String, Object> body) {
        return unauthorized(auth).orElseGet(() -> {
            String accountNumber = text(body, "account_number");
            String bankCode = text(body, "account_bank");
            if (blank(accountNumber) || blank(bankCode)) {
                return bad("account_number and account_bank are required");
            }
            return banks.holder(bankCode, accountNumber)
                    .map(name -> ResponseEntity.ok(FlutterwavePayloads.ok("Account details fetched",
                            Map.of("account_number", accountNumber, "account_name", name))))
                    .orElseGet(() -> bad("Sorry, that account number is invalid, please check and try again"));
        });
    }

    @PostMapping("/transfers")
    ResponseEntity<Map<String, Object>> transfer(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String auth,
                                                 @RequestBody Map<String, Object> body) {
        return unauthorized(auth).orElseGet(() -> {
            String bankCode = text(body, "account_bank");
            String accountNumber = text(body, "account_number");
            if (blank(bankCode) || blank(accountNumber)) {
                return bad("account_bank and account_number are required");
            }
            if (banks.bank(bankCode).isEmpty()) {
                return bad("Invalid account_bank: " + bankCode);
            }
            if (!"NGN".equals(text(body, "currency"))) {
                return bad("currency is required and only NGN is simulated");
            }
            Long kobo = kobo(body.get("amount"));
            if (kobo == null || kobo <= 0) {
                return bad("amount must be a positive number with at most 2 decimal places");
            }
            String reference = text(body, "reference");
            if (blank(reference)) {
                reference = "FLW-" + System.nanoTime();
            }
            String name = banks.holder(bankCode, accountNumber)
                    .orElse(blank(text(body, "beneficiary_name")) ? "" : text(body, "beneficiary_name"));
            var created = payments.queueTransfer(FLUTTERWAVE, reference, kobo, bankCode, accountNumber, name,
                    blank(text(body, "narration")) ? "" : text(body, "narration"));
            return switch (created) {
                case Creation.Created<?> c -> ResponseEntity.ok(FlutterwavePayloads.ok("Transfer Queued Successfully",
                        FlutterwavePayloads.transfer(created.item())));
                case Creation.Duplicate<?> d -> bad("Transfer with this reference already exists");
            };
        });
    }

    @GetMapping("/transfers/{id}")
    ResponseEntity<Map<String, Object>> fetch(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String auth,
                                              @PathVariable String id) {
        return unauthorized(auth).orElseGet(() -> payments.transferById(FLUTTERWAVE, id)
                .map(t -> ResponseEntity.ok(FlutterwavePayloads.ok("Transfer fetched", FlutterwavePayloads.transfer(t))))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .body(FlutterwavePayloads.error("No transfer found"))));
    }

    /** {@code GET /v3/transfers?reference=...}: a page holding the transfer with that reference, or none. */
    @GetMapping("/transfers")
    ResponseEntity<Map<String, Object>> list(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String auth,
                                             @RequestParam(required = false) String reference) {
        return unauthorized(auth).orElseGet(() -> {
            List<Map<String, Object>> data = payments.transfers().stream()
                    .filter(t -> t.provider() == FLUTTERWAVE)
                    .filter(t -> reference == null || t.reference().equals(reference))
                    .map(FlutterwavePayloads::transfer).toList();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", "success");
            body.put("message", "Transfers fetched");
            body.put("meta", Map.of("page_info", Map.of("total", data.size(), "current_page", 1,
                    "total_pages", data.isEmpty() ? 0 : 1)));
            body.put("data", data);
            return ResponseEntity.ok(body);
        });
    }

    @PostMapping("/payments")
    ResponseEntity<Map<String, Object>> payment(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String auth,
                                                @RequestBody Map<String, Object> body, ServerWebExchange exchange) {
        return unauthorized(auth).orElseGet(() -> {
            String reference = text(body, "tx_ref");
            Long kobo = kobo(body.get("amount"));
            Object customer = body.get("customer");
            String email = customer instanceof Map<?, ?> c && c.get("email") != null ? c.get("email").toString() : null;
            if (blank(reference)) {
                return bad("tx_ref is required");
            }
            if (kobo == null || kobo <= 0) {
                return bad("amount must be a positive number with at most 2 decimal places");
            }
            if (blank(email) || !email.contains("@")) {
                return bad("customer.email is required");
            }
            var created = payments.openCharge(FLUTTERWAVE, reference, kobo, email);
            if (created instanceof Creation.Duplicate<?>) {
                return bad("A transaction with this tx_ref already exists");
            }
            String link = exchange.getRequest().getURI()
                    .resolve("/flutterwave/checkout/" + created.item().accessCode()).toString();
            return ResponseEntity.ok(FlutterwavePayloads.ok("Hosted Link", Map.of("link", link)));
        });
    }

    @GetMapping("/transactions/verify_by_reference")
    ResponseEntity<Map<String, Object>> verifyCharge(
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String auth,
            @RequestParam(name = "tx_ref") String reference) {
        return unauthorized(auth).orElseGet(() -> payments.charge(FLUTTERWAVE, reference)
                .map(c -> ResponseEntity.ok(FlutterwavePayloads.ok("Transaction fetched successfully",
                        FlutterwavePayloads.charge(c))))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .body(FlutterwavePayloads.error("No transaction was found for this id"))));
    }

    private static String text(Map<String, Object> body, String field) {
        Object value = body.get(field);
        return value == null ? null : value.toString();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** Naira (number or numeric string, at most 2 decimals) in kobo, else null. */
    private static Long kobo(Object amount) {
        try {
            BigDecimal value = amount instanceof Number n ? new BigDecimal(n.toString())
                    : amount instanceof String s ? new BigDecimal(s) : null;
            return value == null ? null : value.movePointRight(2).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
    }
}
