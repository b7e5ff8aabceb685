package com.ventusvault.ai.domain;

import java.math.BigDecimal;
import java.util.Objects;

/** One wallet's balance as payments reported it for this computation. */
public record WalletBalance(String walletId, String currency, BigDecimal amount) {

    public WalletBalance {
        Objects.requireNonNull(walletId, "walletId");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(amount, "amount");
    }

    /** Whether the wallet holds money. */
    public boolean funded() {
        return amount.signum() > 0;
    }
}
