package com.ventusvault.markets.feed;

import com.ventusvault.markets.config.MarketsProperties;
import com.ventusvault.markets.domain.Asset;
import com.ventusvault.markets.domain.MarketSnapshot;
import com.ventusvault.markets.domain.RandomWalk;
import com.ventusvault.markets.persistence.PriceTickRepository;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * The built-in market feed: no network, a {@link RandomWalk} ticking every {@code ventus.markets.tick-interval} on a
 * Reactor interval. Each tick replaces the in-memory snapshot the resolvers read and appends it to PostgreSQL, so a
 * restart resumes from the last persisted prices. A second interval deletes history older than the retention.
 *
 * <p>It starts before the web server accepts requests and stops after it (lifecycle phase), disposing both intervals.
 * A failed write is logged and the next tick carries on: quotes stay live even if the database blips.
 */
@Component
public class SimulatedMarketFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SimulatedMarketFeed.class);
    private static final Duration RESUME_TIMEOUT = Duration.ofSeconds(30);

    private final PriceTickRepository ticks;
    private final MarketsProperties properties;
    private final Clock clock;
    private final RandomWalk walk;
    private final AtomicReference<MarketSnapshot> latest;
    /** Every tick, to whoever listens now; a listener that falls behind misses ticks rather than holding the feed. */
    private final Sinks.Many<MarketSnapshot> listeners = Sinks.many().multicast().directBestEffort();
    private volatile Disposable ticking;
    private volatile Disposable cleanup;

    public SimulatedMarketFeed(PriceTickRepository ticks, MarketsProperties properties, Clock clock) {
        this.ticks = ticks;
        this.properties = properties;
        this.clock = clock;
        this.walk = new RandomWalk(properties.seed() != null ? properties.seed() : new SplittableRandom().nextLong());
        this.latest = new AtomicReference<>(MarketSnapshot.reference(clock.instant()));
    }

    /** The market as of the last tick. */
    public MarketSnapshot current() {
        return latest.get();
    }

    /** The market at every tick from now on. */
    public Flux<MarketSnapshot> ticks() {
        return listeners.asFlux();
    }

    /** Whether the last tick is older than three tick intervals, i.e. the feed has stopped or fallen behind. */
    public boolean isStale(MarketSnapshot snapshot) {
        return Duration.between(snapshot.asOf(), clock.instant()).compareTo(properties.staleAfter()) > 0;
    }

    @Override
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        latest.set(resume());
        ticking = Flux.interval(properties.tickInterval(), Schedulers.parallel())
                .onBackpressureDrop(missed -> log.debug("Tick {} skipped: the previous one is still being written", missed))
                .concatMap(tick -> tick(), 1)
                .subscribe();
        cleanup = Flux.interval(properties.cleanupInterval(), Schedulers.parallel())
                .onBackpressureDrop()
                .concatMap(run -> ticks.deleteOlderThan(clock.instant().minus(properties.historyRetention()))
                        .doOnNext(deleted -> log.debug("Deleted {} price ticks older than {}", deleted, properties.historyRetention()))
                        .onErrorResume(e -> {
                            log.warn("Price history cleanup failed, will retry: {}", e.toString());
                            return Mono.empty();
                        }), 1)
                .subscribe();
        log.info("Simulated market feed started: ticking every {}, seed {}", properties.tickInterval(),
                properties.seed() != null ? properties.seed() : "random");
    }

    @Override
    public synchronized void stop() {
        if (ticking != null) {
            ticking.dispose();
            ticking = null;
        }
        if (cleanup != null) {
            cleanup.dispose();
            cleanup = null;
        }
        log.info("Simulated market feed stopped");
    }

    @Override
    public boolean isRunning() {
        return ticking != null && !ticking.isDisposed();
    }

    /** Before the web server (which stops first on shutdown), so no request sees a feed that was not resumed. */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 4096;
    }

    private Mono<MarketSnapshot> tick() {
        MarketSnapshot next = walk.step(latest.get(), clock.instant());
        latest.set(next);
        listeners.tryEmitNext(next);
        return ticks.append(next)
                .thenReturn(next)
                .onErrorResume(e -> {
                    log.warn("Could not persist the tick of {}: {}", next.asOf(), e.toString());
                    return Mono.empty();
                });
    }

    /** The last persisted prices, reference prices for assets never persisted, stamped now: the market reopens. */
    private MarketSnapshot resume() {
        Map<Asset, BigDecimal> persisted = ticks.latestPrices().block(RESUME_TIMEOUT);
        EnumMap<Asset, BigDecimal> prices = new EnumMap<>(MarketSnapshot.reference(Instant.EPOCH).usdPrices());
        if (persisted != null) {
            prices.putAll(persisted);
            log.info("Market feed resumes from {} persisted prices", persisted.size());
        }
        return new MarketSnapshot(clock.instant(), prices);
    }
}
