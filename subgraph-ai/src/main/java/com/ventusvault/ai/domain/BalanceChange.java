package com.ventusvault.ai.domain;

import java.math.BigDecimal;
import java.util.Optional;

/** A wallet's balance now and the last time insights were computed; {@code previous} is null on the first look. */
public record BalanceChange(String walletId, String currency, BigDecimal previous, BigDecimal current) {

    /** current − previous, or empty when there is nothing to compare with. */
    public Optional<BigDecimal> delta() {
        return previous == null ? Optional.empty() : Optional.of(current.subtract(previous));
    }
}
