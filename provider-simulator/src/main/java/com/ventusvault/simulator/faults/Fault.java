package com.ventusvault.simulator.faults;

import com.ventusvault.simulator.Provider;

/**
 * One injected fault, as configured under {@code ventus.simulator.faults[n]} or POSTed to {@code /_simulator/faults}.
 *
 * @param provider        which provider it hits; null = both
 * @param operation       which operation; null = all
 * @param latencyMs       delay added to every matching request (before the answer, or before the failure)
 * @param status          HTTP status answered instead of the real response (e.g. 500, 503, 429); 0 = none
 * @param drop            close the connection without answering
 * @param failureRate     share of matching requests that get the status/drop, in [0, 1]; null = 1 (all)
 * @param afterProcessing the request is processed first (a transfer IS queued) and only its answer is lost or
 *                        replaced: the ambiguous failure a client cannot tell from a clean one
 * @param times           how many matching requests it affects before it is spent; null or 0 = unlimited
 */
public record Fault(Provider provider, Operation operation, Long latencyMs, Integer status, Boolean drop,
                    Double failureRate, Boolean afterProcessing, Integer times) {

    public Fault {
        latencyMs = latencyMs == null ? 0 : latencyMs;
        status = status == null ? 0 : status;
        drop = drop != null && drop;
        afterProcessing = afterProcessing != null && afterProcessing;
        failureRate = failureRate == null ? 1.0 : failureRate;
        times = times == null ? 0 : times;
        if (failureRate < 0 || failureRate > 1) {
            throw new IllegalArgumentException("failureRate must be within [0, 1], got " + failureRate);
        }
        if (status != 0 && (status < 400 || status > 599)) {
            throw new IllegalArgumentException("status must be a 4xx or 5xx code, got " + status);
        }
        if (latencyMs < 0) {
            throw new IllegalArgumentException("latencyMs must not be negative");
        }
    }

    boolean matches(Provider p, Operation o) {
        return (provider == null || provider == p) && (operation == null || operation == o);
    }
}
