package com.ventusvault.markets.feed;

import com.ventusvault.markets.domain.MarketSnapshot;
import com.ventusvault.markets.domain.RandomWalk;
import java.time.Instant;
import reactor.core.publisher.Mono;

/** The simulated market: every asset takes one {@link RandomWalk} step per tick; never fails, needs no network. */
final class RandomWalkSource implements PriceSource {

    static final String NAME = "simulated";

    private final RandomWalk walk;

    RandomWalkSource(long seed) {
        this.walk = new RandomWalk(seed);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Mono<MarketSnapshot> next(MarketSnapshot previous, Instant now) {
        return Mono.just(walk.step(previous, now));
    }

    @Override
    public boolean hasReferencePrices() {
        return true;
    }
}
