package com.ventusvault.markets.feed;

import com.ventusvault.markets.domain.MarketSnapshot;
import java.time.Instant;
import reactor.core.publisher.Mono;

/**
 * Where the feed's prices come from at each tick: the built-in simulated market ({@link RandomWalkSource}, the
 * default) or a real exchange ({@link XChangeSource}). A failed tick leaves the feed on its last good snapshot.
 */
public interface PriceSource {

    /** The name rates carry as {@code source}: {@code simulated}, or the exchange's. */
    String name();

    /** The market at {@code now}, given the previous one (empty before the first good tick of a real exchange). */
    Mono<MarketSnapshot> next(MarketSnapshot previous, Instant now);

    /** Whether a restart may reopen from reference prices when nothing was persisted (a simulation may; a venue not). */
    boolean hasReferencePrices();
}
