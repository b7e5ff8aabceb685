package com.ventusvault.platform.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A server clock tests move forward (never back), so expiry, lockout and TOTP steps are tested without sleeping. It
 * starts at the real time and never falls behind it. Import {@link Configuration} to make it the app's {@code Clock}
 * (the platform's default backs off); every test class importing it shares one application context.
 */
public final class MutableClock extends Clock {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

    public void advance(Duration duration) {
        now.updateAndGet(instant -> instant.plus(duration));
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

    /** Registers one {@link MutableClock} as the application's clock. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        MutableClock clock() {
            return new MutableClock();
        }
    }
}
