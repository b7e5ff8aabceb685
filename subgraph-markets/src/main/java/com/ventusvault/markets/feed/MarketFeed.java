package com.ventusvault.markets.feed;

import com.ventusvault.markets.config.MarketsProperties;
import com.ventusvault.markets.domain.Asset;
import com.ventusvault.markets.domain.MarketSnapshot;
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
 * The market feed: every {@code ventus.markets.tick-interval} it asks its {@link PriceSource} (the simulated market by
 * default, or a real exchange) for the next snapshot, which replaces the in-memory one the resolvers read, goes to
 * {@link #ticks()} listeners and is appended to PostgreSQL, so a restart resumes from the source's last persisted
 * prices. A second interval deletes history older than the retention.
 *
 * <p>The in-memory snapshot is the last known good one: when the source fails, it stays, and once it is older than
 * three tick intervals its rates are served {@code stale}. A source that never answered (an exchange down at the
 * first start) has no prices at all: its rates are unavailable.
 *
 * <p>It starts before the web server accepts requests and stops after it (lifecycle phase), disposing both intervals.
 * A failed write is logged and the next tick carries on: quotes stay live even if the database blips.
 */
@Component
public class MarketFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MarketFeed.class);
    private static final Duration RESUME_TIMEOUT = Duration.ofSeconds(30);

    private final PriceTickRepository ticks;
    private final MarketsProperties properties;
    private final Clock clock;
    private final PriceSource source;
    private final AtomicReference<MarketSnapshot> latest;
    /** Every tick, to whoever listens now; a listener that falls behind misses ticks rather than holding the feed. */
    private final Sinks.Many<MarketSnapshot> listeners = Sinks.many().multicast().directBestEffort();
    /** Whether the last tick failed: a failure is logged when it starts and when it ends, not at every tick. */
    private volatile boolean failing;
    private volatile Disposable ticking;
    private volatile Disposable cleanup;

    public MarketFeed(PriceTickRepository ticks, MarketsProperties properties, Clock clock) {
        this.ticks = ticks;
        this.properties = properties;
        this.clock = clock;
        this.source = properties.source().equals("xchange") ? new XChangeSource(properties.xchange())
                : new RandomWalkSource(properties.seed() != null ? properties.seed() : new SplittableRandom().nextLong());
        this.latest = new AtomicReference<>(source.hasReferencePrices() ? MarketSnapshot.reference(clock.instant())
                : new MarketSnapshot(Instant.EPOCH, Map.of()));
    }

    /** Where the prices come from, as rates name it: {@code simulated} or the exchange's name. */
    public String sourceName() {
        return source.name();
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
        log.info("Market feed started: {} prices every {}", source.name(), properties.tickInterval());
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
        log.info("Market feed stopped");
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
        return source.next(latest.get(), clock.instant())
                .flatMap(next -> {
                    if (failing) {
                        failing = false;
                        log.info("Price source {} answers again", source.name());
                    }
                    latest.set(next);
                    listeners.tryEmitNext(next);
                    return ticks.append(next, source.name()).thenReturn(next)
                            .onErrorResume(e -> {
                                log.warn("Could not persist the tick of {}: {}", next.asOf(), e.toString());
                                return Mono.empty();
                            });
                })
                .onErrorResume(e -> {
                    if (!failing) {
                        failing = true;
                        log.warn("Price source {} failed ({}); serving the last known prices of {} until it answers",
                                source.name(), e.toString(), latest.get().asOf());
                    }
                    return Mono.empty();
                });
    }

    /**
     * The source's last persisted prices. The simulated market reopens now, from reference prices where nothing was
     * persisted; an exchange's persisted prices keep their time (stale until its first good tick), and without any it
     * has none.
     */
    private MarketSnapshot resume() {
        MarketSnapshot persisted = ticks.latest(source.name()).block(RESUME_TIMEOUT);
        if (persisted != null) {
            log.info("Market feed resumes from {} persisted {} prices", persisted.usdPrices().size(), source.name());
        }
        if (!source.hasReferencePrices()) {
            return persisted != null ? persisted : latest.get();
        }
        EnumMap<Asset, BigDecimal> prices = new EnumMap<>(MarketSnapshot.reference(Instant.EPOCH).usdPrices());
        if (persisted != null) {
            prices.putAll(persisted.usdPrices());
        }
        return new MarketSnapshot(clock.instant(), prices);
    }
}
