package com.ventusvault.payments.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An exact amount in one currency, always held at the currency's scale ({@code 12.5 USD} is stored as {@code 12.50}).
 * Construction refuses more decimal places than the currency has, so no amount is ever rounded by accident; arithmetic
 * across currencies throws. Rounding of computed values happens only in {@link Currency#round(BigDecimal)}.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        BigDecimal plain = amount.stripTrailingZeros();
        if (plain.scale() > currency.scale()) {
            throw new ArithmeticException(currency + " amounts have at most " + currency.scale()
                    + " decimal places, got " + amount.toPlainString());
        }
        // Exact: the check above guarantees no digit is dropped.
        amount = plain.setScale(currency.scale());
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    public static Money of(String amount, Currency currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    private void requireSameCurrency(Money other) {
        if (other.currency != currency) {
            throw new IllegalArgumentException("Cannot combine " + currency + " with " + other.currency);
        }
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }
}
