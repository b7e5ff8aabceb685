package com.ventusvault.payments.graphql;

import com.ventusvault.payments.holds.HoldExpired;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

/**
 * A server clock tests can move forward (never back), so expiry is tested without sleeping. Starts at the real time.
 * Import {@link Configuration} to make it the app's {@code Clock} (the platform's default backs off).
 */
final class MutableClock extends Clock {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

    void advance(Duration duration) {
        now.updateAndGet(instant -> instant.plus(duration));
    }

    @Override
    public Instant instant() {
        // Never behind the real clock, so rows written with now() in SQL are never "in the future" of the app.
        Instant real = Instant.now();
        return now.updateAndGet(instant -> instant.isBefore(real) ? real : instant);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("UTC only");
    }

    /** Registers one {@link MutableClock} as the application's clock. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Configuration {

        @Bean
        MutableClock clock() {
            return new MutableClock();
        }
    }

    /** Collects the HoldExpired events the app publishes (imported with the clock, so the clock tests share a context). */
    @TestConfiguration(proxyBeanMethods = false)
    static class HoldEvents {

        final List<HoldExpired> expired = new CopyOnWriteArrayList<>();

        @EventListener
        void on(HoldExpired event) {
            expired.add(event);
        }
    }
}
