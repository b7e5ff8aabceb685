package com.ventusvault.accounts.credentials;

import com.ventusvault.accounts.domain.Violation;
import java.time.Duration;
import java.util.List;

/** A refused attempt: the caller must wait {@code retryAfter} before the next one counts. */
public record Throttled(Duration retryAfter) {

    /** The TOO_MANY_ATTEMPTS user error, with the wait in whole seconds (rounded up) in the message. */
    public Violation violation() {
        return new Violation("TOO_MANY_ATTEMPTS", "Too many sign-in attempts; try again in " + seconds() + " seconds",
                List.of());
    }

    /** The wait in whole seconds, rounded up, at least 1. */
    public long seconds() {
        long millis = retryAfter.toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }
}
