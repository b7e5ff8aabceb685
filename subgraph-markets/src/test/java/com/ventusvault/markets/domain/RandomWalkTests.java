package com.ventusvault.markets.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RandomWalkTests {

    private static final Instant START = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void sameSeedAndStartGiveTheSamePath() {
        assertThat(path(new RandomWalk(42), 50)).isEqualTo(path(new RandomWalk(42), 50));
    }

    @Test
    void differentSeedsGiveDifferentPaths() {
        assertThat(path(new RandomWalk(1), 5)).isNotEqualTo(path(new RandomWalk(2), 5));
    }

    @Test
    void everyVolatileAssetMovesEachTickWhileUsdStaysAtOne() {
        MarketSnapshot start = MarketSnapshot.reference(START);
        MarketSnapshot next = new RandomWalk(7).step(start, START.plusSeconds(1));

        assertThat(next.asOf()).isEqualTo(START.plusSeconds(1));
        assertThat(next.usdPrice(Asset.USD)).isEqualByComparingTo(BigDecimal.ONE);
        for (Asset asset : Asset.values()) {
            if (asset != Asset.USD) {
                assertThat(next.usdPrice(asset)).as(asset.name()).isNotEqualByComparingTo(start.usdPrice(asset));
            }
        }
    }

    @Test
    void pricesStayPositiveAndStablecoinsStayNearTheirPegOverADayOfTicks() {
        RandomWalk walk = new RandomWalk(2026);
        MarketSnapshot market = MarketSnapshot.reference(START);
        for (int tick = 1; tick <= 86_400; tick++) {
            market = walk.step(market, START.plusSeconds(tick));
        }
        for (Asset asset : Asset.values()) {
            assertThat(market.usdPrice(asset)).as(asset.name()).isPositive();
        }
        assertThat(market.usdPrice(Asset.USDT)).isBetween(new BigDecimal("0.99"), new BigDecimal("1.01"));
        assertThat(market.usdPrice(Asset.USDC)).isBetween(new BigDecimal("0.99"), new BigDecimal("1.01"));
        // BTC at 0.05% per tick moves about 15% a day: well away from zero and from infinity.
        assertThat(market.usdPrice(Asset.BTC)).isBetween(new BigDecimal("30000"), new BigDecimal("300000"));
    }

    private static List<MarketSnapshot> path(RandomWalk walk, int ticks) {
        List<MarketSnapshot> path = new ArrayList<>();
        MarketSnapshot market = MarketSnapshot.reference(START);
        for (int tick = 1; tick <= ticks; tick++) {
            market = walk.step(market, START.plusSeconds(tick));
            path.add(market);
        }
        return path;
    }
}
