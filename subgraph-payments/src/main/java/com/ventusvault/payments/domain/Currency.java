package com.ventusvault.payments.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The currencies VentusVault holds, each with the number of decimal places it is accounted in (its scale).
 * The scale is the smallest unit the ledger can post: 0.01 USD, 1 satoshi (0.00000001 BTC), 1 wei (10^-18 ETH).
 */
public enum Currency {
    USD(2), EUR(2), GBP(2), NGN(2), BTC(8), ETH(18), USDT(6), USDC(6), SOL(9);

    private final int scale;

    Currency(int scale) {
        this.scale = scale;
    }

    /** Decimal places an amount in this currency may have. */
    public int scale() {
        return scale;
    }

    /** The currency with this ISO-style code (case-insensitive), if VentusVault supports it. */
    public static Optional<Currency> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String normalised = code.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.name().equals(normalised)).findFirst();
    }

    /** The supported codes, space separated, for error messages. */
    public static String supportedCodes() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(" "));
    }

    /**
     * Rounds a computed charge (a fee) up to this currency's scale: {@link RoundingMode#UP}, away from zero, so a charge
     * is never rounded down, and a positive fee is never rounded away to nothing (0.5% of 1.00 USD is 0.01 USD, not
     * 0.00). This is the only place in the ledger where an amount is rounded; amounts a client sends are never rounded.
     */
    public Money roundUp(BigDecimal computed) {
        return new Money(computed.setScale(scale, RoundingMode.UP), this);
    }
}
