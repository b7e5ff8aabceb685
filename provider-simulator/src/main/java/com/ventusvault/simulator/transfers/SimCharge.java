package com.ventusvault.simulator.transfers;

import com.ventusvault.simulator.Provider;
import java.time.Instant;

/** A hosted-checkout charge at one simulated provider; amounts in kobo. {@code paidAt} is null until paid. */
public record SimCharge(Provider provider, long id, String accessCode, String reference, long amountKobo, String email,
                        boolean paid, Instant createdAt, Instant paidAt) {

    SimCharge pay(Instant at) {
        return new SimCharge(provider, id, accessCode, reference, amountKobo, email, true, createdAt, at);
    }
}
