package com.ventusvault.accounts.notifications;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Wakes the delivery worker when notifications were committed, so they go out at once rather than at the next poll.
 * Pulls that arrive while the worker is busy collapse into one.
 */
@Component
public class DeliveryTrigger {

    private final Sinks.Many<Boolean> pulls = Sinks.many().multicast().directBestEffort();

    /** Asks for a delivery round; never blocks, never fails. */
    public void pull() {
        pulls.tryEmitNext(Boolean.TRUE);
    }

    /** The pulls, for the worker. */
    public Flux<Boolean> pulls() {
        return pulls.asFlux();
    }
}
