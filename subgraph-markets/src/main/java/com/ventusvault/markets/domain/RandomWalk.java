package com.ventusvault.markets.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.EnumMap;
import java.util.SplittableRandom;

/**
 * Moves a market one tick: each asset's USD price takes a geometric random-walk step,
 * {@code p' = p · exp(σ·Z − σ²/2)} with its own volatility σ and a standard normal Z (the −σ²/2 keeps the expected
 * price unchanged). Pegged assets (stablecoins) are also pulled a little toward their reference each tick, so they
 * wander around 1 USD instead of drifting away. Given a seed, the same starting market gives the same path.
 *
 * <p>Not thread-safe: the feed steps it from one tick at a time.
 */
public final class RandomWalk {

    /** Fraction of a pegged asset's log distance from its reference removed each tick. */
    private static final double PEG_PULL = 0.05;

    private final SplittableRandom random;

    public RandomWalk(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** The market one tick later, stamped {@code asOf}. */
    public MarketSnapshot step(MarketSnapshot market, Instant asOf) {
        EnumMap<Asset, BigDecimal> next = new EnumMap<>(Asset.class);
        for (Asset asset : Asset.values()) {
            BigDecimal price = market.usdPrice(asset);
            // Draw for every asset, even USD, so one asset's parameters never shift another's random stream.
            double z = gaussian();
            double sigma = asset.volatility();
            double logReturn = sigma * z - sigma * sigma / 2;
            if (asset.anchored()) {
                double distance = Math.log(price.doubleValue() / asset.referenceUsdPrice().doubleValue());
                logReturn -= PEG_PULL * distance;
            }
            // The multiplier is a simulated shock, not money: computing it in double is fine, the price stays exact.
            BigDecimal multiplier = new BigDecimal(Math.exp(logReturn), MathContext.DECIMAL64);
            next.put(asset, asset == Asset.USD ? BigDecimal.ONE : price.multiply(multiplier, MathContext.DECIMAL64));
        }
        return new MarketSnapshot(asOf, next);
    }

    /** A standard normal draw (Box–Muller), so the path depends only on the seed. */
    private double gaussian() {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }
}
