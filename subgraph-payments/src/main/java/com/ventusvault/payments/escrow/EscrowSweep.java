package com.ventusvault.payments.escrow;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Automatic expiry: every {@code ventus.payments.escrow.sweep-interval} refunds the HELD escrows whose
 * {@code expiresAt} has passed on the injected {@link Clock}, each in its own transaction through
 * {@link EscrowResolution#expire} (so a concurrent release or cancel and the sweep resolve an escrow once between
 * them). {@link #sweep()} is public so tests (and operators) can run a round without waiting.
 */
@Component
public class EscrowSweep implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(EscrowSweep.class);

    private final EscrowRepository escrows;
    private final EscrowResolution resolution;
    private final EscrowProperties properties;
    private final Clock clock;
    private volatile Disposable running;

    public EscrowSweep(EscrowRepository escrows, EscrowResolution resolution, EscrowProperties properties, Clock clock) {
        this.escrows = escrows;
        this.resolution = resolution;
        this.properties = properties;
        this.clock = clock;
    }

    /** Expires every due escrow (in rounds of {@code sweep-batch}); emits how many this call expired. */
    public Mono<Integer> sweep() {
        return round().expand(expired -> expired == properties.sweepBatch() ? round() : Mono.empty())
                .reduce(0, Integer::sum);
    }

    private Mono<Integer> round() {
        return escrows.due(clock.instant(), properties.sweepBatch())
                .concatMap(id -> resolution.expire(id)
                        .onErrorResume(e -> {
                            LOG.error("Escrow {} could not be expired; the next sweep retries", id, e);
                            return Mono.empty();
                        }))
                .count().map(Long::intValue);
    }

    @Override
    public void start() {
        running = Flux.interval(properties.sweepInterval(), properties.sweepInterval())
                .onBackpressureDrop()
                .concatMap(tick -> sweep().onErrorResume(e -> {
                    LOG.error("Escrow expiry sweep failed; retrying in {}", properties.sweepInterval(), e);
                    return Mono.empty();
                }), 0)
                .subscribe(expired -> {
                    if (expired > 0) {
                        LOG.info("Expired {} escrow(s)", expired);
                    }
                });
    }

    @Override
    public void stop() {
        Disposable current = running;
        if (current != null) {
            current.dispose();
        }
        running = null;
    }

    @Override
    public boolean isRunning() {
        return running != null && !running.isDisposed();
    }
}
