package com.ventusvault.stack;

import com.ventusvault.stack.TransferAttempt.Acknowledged;
import com.ventusvault.stack.TransferAttempt.Outcome;
import com.ventusvault.stack.TransferAttempt.Refused;
import com.ventusvault.stack.TransferAttempt.Unknown;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * What the bank-invariant clients sent and learned, shared by all of them: the first definite outcome of every
 * idempotency key (the one every later answer for that key must equal), the conflicting reuses still to confirm,
 * counters, and every broken invariant seen (collected, so a worker thread never throws past the test).
 */
final class TransferBook {

    /** A key's request and its outcome so far ({@link Unknown} until an answer settles it). */
    record Entry(TransferAttempt attempt, Outcome outcome) {
    }

    private final Map<String, Entry> byKey = new LinkedHashMap<>();
    private final List<TransferAttempt> unconfirmedConflicts = new ArrayList<>();
    private final Queue<String> violations = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentSkipListMap<>();

    /**
     * Records an answer for the attempt's key and checks it against the key's first definite answer: an
     * acknowledged transfer must come back as the same transfer (id, amount, fee), a refusal as the same code.
     */
    synchronized void settle(TransferAttempt attempt, Outcome outcome) {
        Entry known = byKey.get(attempt.key());
        if (known == null || known.outcome() instanceof Unknown && !(outcome instanceof Unknown)) {
            byKey.put(attempt.key(), new Entry(attempt, outcome));
            return;
        }
        if (!known.attempt().equals(attempt)) {
            violation("key " + attempt.key() + " settled for a different request: " + known.attempt() + " vs " + attempt);
        }
        if (!(outcome instanceof Unknown) && !sameAnswer(known.outcome(), outcome)) {
            violation("key " + attempt.key() + " answered " + outcome + " after " + known.outcome());
        }
    }

    private static boolean sameAnswer(Outcome first, Outcome again) {
        return switch (first) {
            case Acknowledged a -> again instanceof Acknowledged b && a.transferId().equals(b.transferId())
                    && a.amount().compareTo(b.amount()) == 0 && a.fee().compareTo(b.fee()) == 0
                    && b.status().equals("COMPLETED");
            case Refused a -> again instanceof Refused b && a.code().equals(b.code());
            case Unknown ignored -> true;
        };
    }

    /** A random key recorded so far whose entry matches, if any. */
    synchronized Optional<Entry> pick(Random random, Predicate<Entry> filter) {
        List<Entry> matching = byKey.values().stream().filter(filter).toList();
        return matching.isEmpty() ? Optional.empty() : Optional.of(matching.get(random.nextInt(matching.size())));
    }

    synchronized List<Entry> entries() {
        return List.copyOf(byKey.values());
    }

    /** A conflicting reuse whose answer was lost: resolved at the end, when it must still be IDEMPOTENCY_KEY_REUSED. */
    synchronized void unconfirmedConflict(TransferAttempt conflicting) {
        unconfirmedConflicts.add(conflicting);
    }

    synchronized List<TransferAttempt> unconfirmedConflicts() {
        return List.copyOf(unconfirmedConflicts);
    }

    void count(String what) {
        counts.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
    }

    int total(String... what) {
        int total = 0;
        for (String each : what) {
            AtomicInteger counter = counts.get(each);
            total += counter == null ? 0 : counter.get();
        }
        return total;
    }

    Map<String, AtomicInteger> counts() {
        return counts;
    }

    void violation(String message) {
        violations.add(message);
    }

    List<String> violations() {
        return List.copyOf(violations);
    }
}
