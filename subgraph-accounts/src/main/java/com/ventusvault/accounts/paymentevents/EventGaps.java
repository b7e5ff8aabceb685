package com.ventusvault.accounts.paymentevents;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides how far the consumer may advance over a batch of outbox ids. Ids come from a sequence, taken when a row is
 * inserted, but rows become visible at commit: a transaction holding id 10 may commit after one holding id 11. An id
 * missing below a visible one is therefore first waited for (its transaction may still commit) and skipped only after
 * {@code timeout} (its transaction rolled back, the id is gone for good). Missing ids are remembered from the first
 * batch that showed them, so several gaps age together.
 */
final class EventGaps {

    /** How many missing ids to remember at most (a wider hole ages in slices). */
    private static final int MAX_TRACKED = 10_000;

    private final Map<Long, Instant> firstSeen = new ConcurrentHashMap<>();
    private final Duration timeout;
    private final Clock clock;

    EventGaps(Duration timeout, Clock clock) {
        this.timeout = timeout;
        this.clock = clock;
    }

    /**
     * How many of {@code ids} (ascending, all above {@code offset}) may be handled now: the longest prefix with no
     * missing id before it that is younger than the timeout.
     */
    int acceptable(long offset, List<Long> ids) {
        Instant now = clock.instant();
        long expected = offset + 1;
        int accepted = 0;
        for (long id : ids) {
            for (long missing = expected; missing < id; missing++) {
                if (firstSeen.size() >= MAX_TRACKED && !firstSeen.containsKey(missing)) {
                    return accepted;
                }
                Instant seen = firstSeen.computeIfAbsent(missing, key -> now);
                if (Duration.between(seen, now).compareTo(timeout) < 0) {
                    return accepted;
                }
            }
            accepted++;
            expected = id + 1;
        }
        return accepted;
    }

    /** Forgets the gaps at or below the new offset (handled or skipped for good). */
    void passed(long offset) {
        firstSeen.keySet().removeIf(id -> id <= offset);
    }
}
