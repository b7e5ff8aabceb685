package com.ventusvault.simulator.flutterwave;

import com.ventusvault.simulator.transfers.SimulatedPayments;
import java.math.BigDecimal;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The hosted checkout page a {@code /v3/payments} link points at; the simulated payer pays by themself. */
@RestController
class FlutterwaveCheckoutController {

    private final SimulatedPayments payments;

    FlutterwaveCheckoutController(SimulatedPayments payments) {
        this.payments = payments;
    }

    @GetMapping(value = "/flutterwave/checkout/{accessCode}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> checkout(@PathVariable String accessCode) {
        return payments.chargeByAccessCode(accessCode)
                .map(c -> ResponseEntity.ok("<html><body><h1>Simulated Flutterwave checkout</h1><p>NGN "
                        + BigDecimal.valueOf(c.amountKobo(), 2) + " from " + c.email() + ": "
                        + (c.paid() ? "paid" : "paying automatically in a moment") + "</p></body></html>"))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
