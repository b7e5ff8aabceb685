package com.ventusvault.platform.database;

import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Runs a piece of work whenever something may have changed: on every notification of a PostgreSQL channel, when asked
 * ({@link #wakeUp()}), and every poll interval anyway (a notification can be lost while the listening connection is
 * down). Never two runs at once: wake-ups that arrive during a run are folded into one more run after it. A failed run
 * is logged and the loop waits for the next wake-up. What outbox followers (payments' relay, accounts' consumer) share.
 */
public final class WakeUpLoop {

    private static final Logger log = LoggerFactory.getLogger(WakeUpLoop.class);

    private final String name;
    private final Duration pollInterval;
    private final Flux<?> notifications;
    private final Supplier<Mono<?>> work;
    private final Sinks.Many<Boolean> wakeUps = Sinks.many().multicast().directBestEffort();
    private volatile Disposable running;

    /**
     * @param name          for the log
     * @param notifications e.g. {@code PostgresNotifications.listen(channel)}
     * @param work          one run; its result is ignored
     */
    public WakeUpLoop(String name, Duration pollInterval, Flux<?> notifications, Supplier<Mono<?>> work) {
        this.name = name;
        this.pollInterval = pollInterval;
        this.notifications = notifications;
        this.work = work;
    }

    public synchronized void start() {
        if (running != null) {
            return;
        }
        Flux<Boolean> ticks = Flux.interval(Duration.ZERO, pollInterval).map(tick -> true);
        running = Flux.merge(ticks, wakeUps.asFlux(), notifications.map(notification -> true))
                .onBackpressureDrop()
                .concatMap(wake -> work.get().onErrorResume(error -> {
                    log.error("{} failed; retrying at the next wake-up", name, error);
                    return Mono.empty();
                }), 1)
                .subscribe();
    }

    public synchronized void stop() {
        if (running != null) {
            running.dispose();
            running = null;
        }
    }

    public boolean isRunning() {
        return running != null;
    }

    /** Asks for a run as soon as the current one (if any) is done. */
    public void wakeUp() {
        wakeUps.tryEmitNext(true);
    }
}
