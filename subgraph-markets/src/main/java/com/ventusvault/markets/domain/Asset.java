package com.ventusvault.markets.domain;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The assets the simulated market quotes, each with its reference price in USD (where the simulation starts when no
 * earlier price was persisted) and its volatility per tick (the standard deviation of one tick's log return).
 * USD is the numeraire: every other price is held in USD and cross rates are derived through it.
 */
public enum Asset {
    BTC(AssetClass.CRYPTO, "97000", 0.0005, false, 8),
    ETH(AssetClass.CRYPTO, "3400", 0.0007, false, 18),
    SOL(AssetClass.CRYPTO, "180", 0.0010, false, 9),
    USDT(AssetClass.STABLECOIN, "1", 0.00005, true, 6),
    USDC(AssetClass.STABLECOIN, "1", 0.00005, true, 6),
    USD(AssetClass.FIAT, "1", 0.0, true, 2),
    NGN(AssetClass.FIAT, "0.000645161290322580645161290323", 0.0002, false, 2),
    EUR(AssetClass.FIAT, "1.08", 0.00005, false, 2),
    GBP(AssetClass.FIAT, "1.27", 0.00006, false, 2);

    /** Every asset, comma-separated, for error messages. */
    public static final String SUPPORTED = Arrays.stream(values()).map(Asset::name).collect(Collectors.joining(", "));

    private final AssetClass assetClass;
    private final BigDecimal referenceUsdPrice;
    private final double volatility;
    private final boolean anchored;
    private final int scale;

    Asset(AssetClass assetClass, String referenceUsdPrice, double volatility, boolean anchored, int scale) {
        this.assetClass = assetClass;
        this.referenceUsdPrice = new BigDecimal(referenceUsdPrice);
        this.volatility = volatility;
        this.anchored = anchored;
        this.scale = scale;
    }

    /** Decimal places the ledger accounts this asset in (payments' currency scale): 0.01 USD, 1 satoshi, 1 wei. */
    public int scale() {
        return scale;
    }

    /** The asset with this code, ignoring case. */
    public static Optional<Asset> of(String code) {
        return Arrays.stream(values()).filter(asset -> asset.name().equalsIgnoreCase(code)).findFirst();
    }

    public AssetClass assetClass() {
        return assetClass;
    }

    /** Where the simulation starts: USD per unit (USD/NGN 1550 means 1/1550 USD per NGN). */
    public BigDecimal referenceUsdPrice() {
        return referenceUsdPrice;
    }

    /** Standard deviation of one tick's log return; 0 for USD, which never moves against itself. */
    public double volatility() {
        return volatility;
    }

    /** Whether the price is pulled back toward its reference (a peg), as stablecoins are toward 1 USD. */
    public boolean anchored() {
        return anchored;
    }
}
