package com.ventusvault.payments.payouts;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs {@link PayoutWorker#scan()} every {@code ventus.payments.payouts.scan-interval} while the app runs (unless
 * {@code scan-enabled=false}), one scan at a time: resumes payouts a restart interrupted and checks the status of
 * payouts the provider has not confirmed. Stops with the application context.
 */
@Component
class PayoutScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PayoutScheduler.class);

    private final PayoutWorker worker;
    private final PayoutsProperties properties;
    private volatile Disposable running;

    PayoutScheduler(PayoutWorker worker, PayoutsProperties properties) {
        this.worker = worker;
        this.properties = properties;
    }

    @Override
    public void start() {
        if (!properties.scanEnabled()) {
            return;
        }
        Duration every = properties.scanInterval();
        running = Flux.interval(every, every)
                .onBackpressureDrop()
                .concatMap(tick -> worker.scan().onErrorResume(error -> {
                    log.warn("Payout scan failed (retried in {}): {}", every, error.toString());
                    return Mono.empty();
                }), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable current = running;
        if (current != null) {
            current.dispose();
            running = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }
}
