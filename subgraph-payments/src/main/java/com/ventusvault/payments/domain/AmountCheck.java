package com.ventusvault.payments.domain;

import java.math.BigDecimal;

/**
 * The verdict on an amount a client asked to move: {@link Valid} with the exact {@link Money}, or {@link Invalid}
 * with a message a client developer can act on. Amounts are never rounded to make them fit.
 */
public sealed interface AmountCheck {

    /** The largest amount a single posting may move; keeps every balance inside NUMERIC(38,18). */
    BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000000");

    record Valid(Money money) implements AmountCheck {
    }

    record Invalid(String message) implements AmountCheck {
    }

    /** Checks that {@code amount} is a positive amount of {@code currency} with no more decimals than its scale. */
    static AmountCheck of(BigDecimal amount, Currency currency) {
        if (amount == null) {
            return new Invalid("An amount is required");
        }
        if (amount.signum() <= 0) {
            return new Invalid("Amount must be greater than zero, got " + amount.toPlainString());
        }
        if (amount.stripTrailingZeros().scale() > currency.scale()) {
            return new Invalid(currency + " amounts have at most " + currency.scale() + " decimal places, got "
                    + amount.toPlainString());
        }
        if (amount.compareTo(MAX_AMOUNT) > 0) {
            return new Invalid("Amount must be at most " + MAX_AMOUNT.toPlainString() + ", got " + amount.toPlainString());
        }
        return new Valid(new Money(amount, currency));
    }
}
