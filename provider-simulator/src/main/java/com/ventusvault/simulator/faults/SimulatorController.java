package com.ventusvault.simulator.faults;

import com.ventusvault.simulator.Provider;
import com.ventusvault.simulator.transfers.SimCharge;
import com.ventusvault.simulator.transfers.SimTransfer;
import com.ventusvault.simulator.transfers.SimulatedPayments;
import com.ventusvault.simulator.webhooks.WebhookDelivery;
import com.ventusvault.simulator.webhooks.WebhookSender;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The simulator's own control API under {@code /_simulator}: faults (add, list, reset), and what happened so far
 * (transfers, charges, webhook deliveries) for tests to assert on; plus reversing a successful transfer.
 */
@RestController
@RequestMapping("/_simulator")
class SimulatorController {

    private final FaultRules faults;
    private final SimulatedPayments payments;
    private final WebhookSender webhooks;

    SimulatorController(FaultRules faults, SimulatedPayments payments, WebhookSender webhooks) {
        this.faults = faults;
        this.payments = payments;
        this.webhooks = webhooks;
    }

    @PostMapping("/faults")
    @ResponseStatus(HttpStatus.CREATED)
    List<Fault> addFault(@RequestBody Fault fault) {
        faults.add(fault);
        return faults.list();
    }

    @GetMapping("/faults")
    List<Fault> faults() {
        return faults.list();
    }

    @DeleteMapping("/faults")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void resetFaults() {
        faults.reset();
    }

    @GetMapping("/transfers")
    List<SimTransfer> transfers() {
        return payments.transfers();
    }

    @GetMapping("/charges")
    List<SimCharge> charges() {
        return payments.charges();
    }

    @GetMapping("/webhooks")
    List<WebhookDelivery> webhooks() {
        return webhooks.deliveries();
    }

    @PostMapping("/{provider}/transfers/{reference}/reverse")
    ResponseEntity<SimTransfer> reverse(@PathVariable Provider provider, @PathVariable String reference) {
        return ResponseEntity.of(payments.reverse(provider, reference));
    }
}
