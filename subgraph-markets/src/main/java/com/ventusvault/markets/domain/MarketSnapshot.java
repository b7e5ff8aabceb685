package com.ventusvault.markets.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Assets' prices in USD at one moment. Any pair's quote derives from it through USD, so the market is consistent by
 * construction: USD/NGN × NGN/USD = 1 and BTC/EUR = BTC/USD ÷ EUR/USD, up to rounding. The simulated market prices
 * every asset; an exchange may not quote some (Kraken has no NGN): pairs with such an asset have no quote.
 */
public record MarketSnapshot(Instant asOf, Map<Asset, BigDecimal> usdPrices) {

    /** Quotes carry ten significant digits: enough for BTC/NGN and for NGN/BTC alike. */
    private static final MathContext QUOTED = new MathContext(10, RoundingMode.HALF_EVEN);
    private static final int MINIMUM_SCALE = 2;

    public MarketSnapshot {
        EnumMap<Asset, BigDecimal> copy = new EnumMap<>(Asset.class);
        copy.putAll(usdPrices);
        copy.put(Asset.USD, BigDecimal.ONE);
        copy.forEach((asset, price) -> {
            if (price == null || price.signum() <= 0) {
                throw new IllegalArgumentException("A market snapshot needs a positive USD price for " + asset + ", got " + price);
            }
        });
        usdPrices = Collections.unmodifiableMap(copy);
    }

    /** The market before it ever ticked: every asset at its reference price. */
    public static MarketSnapshot reference(Instant asOf) {
        EnumMap<Asset, BigDecimal> prices = new EnumMap<>(Asset.class);
        for (Asset asset : Asset.values()) {
            prices.put(asset, asset.referenceUsdPrice());
        }
        return new MarketSnapshot(asOf, prices);
    }

    /** The USD price of an asset; null when this market does not price it. */
    public BigDecimal usdPrice(Asset asset) {
        return usdPrices.get(asset);
    }

    /** Whether both assets of the pair have a price. */
    public boolean quotes(Pair pair) {
        return usdPrices.containsKey(pair.base()) && usdPrices.containsKey(pair.quote());
    }

    /**
     * The quote of a pair: mid price through USD, bid and ask half the wider asset class spread away from it.
     * Check {@link #quotes} first: a pair with an unpriced asset has none.
     */
    public Quote quote(Pair pair) {
        if (!quotes(pair)) {
            throw new IllegalStateException("No price for " + pair + " in this market");
        }
        BigDecimal mid = usdPrice(pair.base()).divide(usdPrice(pair.quote()), MathContext.DECIMAL128);
        BigDecimal spread = pair.base().assetClass().spread().max(pair.quote().assetClass().spread());
        BigDecimal half = spread.divide(BigDecimal.TWO, MathContext.DECIMAL128);
        BigDecimal bid = mid.multiply(BigDecimal.ONE.subtract(half), MathContext.DECIMAL128);
        BigDecimal ask = mid.multiply(BigDecimal.ONE.add(half), MathContext.DECIMAL128);
        return new Quote(pair, rounded(mid), rounded(bid), rounded(ask), asOf);
    }

    private static BigDecimal rounded(BigDecimal value) {
        BigDecimal result = value.round(QUOTED);
        return result.scale() < MINIMUM_SCALE ? result.setScale(MINIMUM_SCALE, RoundingMode.UNNECESSARY) : result;
    }
}
