package com.ventusvault.accounts.notifications.delivery;

import com.ventusvault.accounts.notifications.DeliveryTrigger;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Delivers queued notifications after commit. It runs a round when woken by {@link DeliveryTrigger} (a commit that
 * queued something) and every poll interval; rounds never overlap. A round claims due rows in batches and hands each
 * to its channel's courier: delivered rows become SENT (with the provider's message id), failed ones are retried
 * with exponential backoff, and become FAILED (with the last error) after the last attempt or at once when the
 * provider refused the message itself.
 */
class DeliveryWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final DeliveryQueue queue;
    private final Couriers couriers;
    private final DeliveryTrigger trigger;
    private final NotificationProperties.Worker settings;
    private final Clock clock;
    private volatile Disposable running;

    DeliveryWorker(DeliveryQueue queue, Couriers couriers, DeliveryTrigger trigger,
                   NotificationProperties.Worker settings, Clock clock) {
        this.queue = queue;
        this.couriers = couriers;
        this.trigger = trigger;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void start() {
        if (!settings.enabled()) {
            log.info("Notification delivery is off on this instance (ventus.accounts.notifications.worker.enabled)");
            return;
        }
        running = Flux.merge(Flux.interval(settings.pollInterval(), settings.pollInterval(), Schedulers.parallel()),
                        trigger.pulls())
                .onBackpressureLatest()
                .concatMap(tick -> drain().onErrorResume(e -> {
                    log.warn("Notification delivery round failed; the next round retries: {}", e.toString());
                    return Mono.empty();
                }), 1)
                .subscribe();
    }

    /** Delivers everything due now, batch after batch, and completes when a batch comes back short. */
    Mono<Void> drain() {
        return round().expand(count -> count == settings.batchSize() ? round() : Mono.empty()).then();
    }

    private Mono<Long> round() {
        Instant now = clock.instant();
        return queue.claim(now, now.plus(settings.lease()), settings.batchSize())
                .flatMap(this::deliver, settings.concurrency())
                .count();
    }

    private Mono<Long> deliver(Outgoing claimed) {
        return couriers.of(claimed.channel()).deliver(claimed)
                .timeout(settings.timeout())
                .onErrorResume(e -> Mono.just(new DeliveryResult.Failed(describe(e), false)))
                .flatMap(result -> record(claimed, result));
    }

    private Mono<Long> record(Outgoing claimed, DeliveryResult result) {
        return switch (result) {
            case DeliveryResult.Delivered delivered -> queue.sent(claimed, delivered.providerMessageId(), clock.instant());
            case DeliveryResult.Failed failed when failed.permanent() || claimed.attempts() >= settings.maxAttempts() -> {
                log.warn("Notification {} ({}) FAILED after {} attempt(s): {}", claimed.id(), claimed.channel(),
                        claimed.attempts(), failed.reason());
                yield queue.failed(claimed, failed.reason());
            }
            case DeliveryResult.Failed failed -> queue.retryAt(claimed, failed.reason(),
                    clock.instant().plus(settings.backoffAfter(claimed.attempts())));
        };
    }

    private String describe(Throwable e) {
        if (e instanceof TimeoutException) {
            return "No answer within " + settings.timeout();
        }
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
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
        return running != null && !running.isDisposed();
    }
}
