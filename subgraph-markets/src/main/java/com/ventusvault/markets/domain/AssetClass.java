package com.ventusvault.markets.domain;

import java.math.BigDecimal;

/**
 * The kind of an asset, which decides how wide its market is: crypto trades with the widest spread, stablecoins
 * with the narrowest. A pair is quoted with the wider spread of its two assets' classes.
 */
public enum AssetClass {
    CRYPTO(20),
    STABLECOIN(4),
    FIAT(10);

    private final int spreadBasisPoints;

    AssetClass(int spreadBasisPoints) {
        this.spreadBasisPoints = spreadBasisPoints;
    }

    /** The full bid/ask spread as a fraction of the mid price, e.g. 0.0020 for 20 basis points. */
    public BigDecimal spread() {
        return BigDecimal.valueOf(spreadBasisPoints, 4);
    }
}
