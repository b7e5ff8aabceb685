package com.ventusvault.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A server clock tests move forward (never back), so token expiry is tested without sleeping. It never runs behind
 * the real clock. Import {@link Configuration} to make it the app's {@code Clock} (the platform's default backs off).
 * Access tokens are verified against it too: take a token after moving the clock, not before.
 */
public final class ShiftableClock extends Clock {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

    public void advance(Duration duration) {
        now.updateAndGet(instant -> (instant.isBefore(Instant.now()) ? Instant.now() : instant).plus(duration));
    }

    @Override
    public Instant instant() {
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

    /** Registers one {@link ShiftableClock} as the application's clock. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        ShiftableClock clock() {
            return new ShiftableClock();
        }
    }
}
