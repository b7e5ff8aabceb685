package com.ventusvault.payments.providers;

import java.time.Duration;
import java.util.OptionalDouble;

/**
 * One provider's recent record, as exponentially weighted moving averages (each new call weighs {@value #ALPHA}):
 * the share of calls that did not fail retryably, and the latency of those that succeeded.
 */
final class ProviderHealth {

    static final double ALPHA = 0.2;

    private double successRate = 1.0;
    private double latencyMillis = Double.NaN;

    synchronized void record(boolean success, Duration latency) {
        successRate = ALPHA * (success ? 1.0 : 0.0) + (1 - ALPHA) * successRate;
        if (success) {
            double millis = latency.toNanos() / 1_000_000.0;
            latencyMillis = Double.isNaN(latencyMillis) ? millis : ALPHA * millis + (1 - ALPHA) * latencyMillis;
        }
    }

    synchronized double successRate() {
        return successRate;
    }

    /** Empty until a call succeeded. */
    synchronized OptionalDouble latencyMillis() {
        return Double.isNaN(latencyMillis) ? OptionalDouble.empty() : OptionalDouble.of(latencyMillis);
    }
}
