package com.ventusvault.payments.providers;

import com.ventusvault.payments.domain.Money;
import java.util.Objects;

/**
 * A deposit to collect through a provider's hosted checkout.
 *
 * @param reference our transfer id, idempotent at the provider and echoed in its charge webhook
 * @param amount    the amount to collect (NGN)
 * @param email     the payer's email (both providers require one)
 */
public record ChargeOrder(String reference, Money amount, String email) {

    public ChargeOrder {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(email, "email");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("A charge is a positive amount, got " + amount);
        }
    }
}
