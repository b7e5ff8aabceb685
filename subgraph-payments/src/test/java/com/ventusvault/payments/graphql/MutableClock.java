package com.ventusvault.payments.graphql;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

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
}
