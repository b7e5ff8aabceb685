package com.ventusvault.simulator.faults;

import com.ventusvault.simulator.Provider;
import com.ventusvault.simulator.config.SimulatorProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/** The active faults: those configured at startup, plus those added over HTTP until the next reset. */
@Component
public class FaultRules {

    /** What to do to one request: wait, then fail (status or drop) or answer normally. */
    record Decision(Duration latency, int status, boolean drop, boolean afterProcessing) {

        boolean fails() {
            return drop || status != 0;
        }
    }

    private record Active(Fault fault, AtomicInteger remaining) {
    }

    private final List<Fault> configured;
    private final List<Active> active = new ArrayList<>();

    public FaultRules(SimulatorProperties properties) {
        this.configured = properties.faults();
        reset();
    }

    /** Adds a fault; it takes precedence over those added before it. */
    public synchronized void add(Fault fault) {
        active.addFirst(new Active(fault, new AtomicInteger(fault.times())));
    }

    /** Back to the configured faults only. */
    public synchronized void reset() {
        active.clear();
        configured.forEach(f -> active.add(new Active(f, new AtomicInteger(f.times()))));
    }

    public synchronized List<Fault> list() {
        return active.stream().map(Active::fault).toList();
    }

    /** The first matching fault's effect on this request (consuming one of its {@code times}), if any. */
    synchronized Optional<Decision> decide(Provider provider, Operation operation) {
        for (Active a : active) {
            if (!a.fault().matches(provider, operation)) {
                continue;
            }
            if (a.fault().times() > 0) {
                if (a.remaining().get() <= 0) {
                    continue;
                }
                a.remaining().decrementAndGet();
            }
            Fault f = a.fault();
            boolean fail = ThreadLocalRandom.current().nextDouble() < f.failureRate();
            return Optional.of(new Decision(Duration.ofMillis(f.latencyMs()), fail ? f.status() : 0, fail && f.drop(),
                    f.afterProcessing()));
        }
        return Optional.empty();
    }
}
