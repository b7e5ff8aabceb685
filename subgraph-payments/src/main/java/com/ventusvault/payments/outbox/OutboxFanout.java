package com.ventusvault.payments.outbox;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/**
 * Hands relayed events to the subscribers of their aggregate (a wallet, a transfer): subscribers are indexed by
 * aggregate, so an event costs a map lookup and one call per interested subscriber, however many subscribe to other
 * aggregates. Each subscriber buffers what it has not consumed yet.
 */
@Component
public class OutboxFanout {

    private final Map<String, Set<FluxSink<OutboxEvent>>> subscribers = new ConcurrentHashMap<>();

    /** The events of one aggregate from the moment the flux is subscribed until it is cancelled. */
    public Flux<OutboxEvent> events(String aggregateType, String aggregateId) {
        String key = key(aggregateType, aggregateId);
        return Flux.create(sink -> {
            subscribers.compute(key, (k, sinks) -> {
                Set<FluxSink<OutboxEvent>> all = sinks != null ? sinks : ConcurrentHashMap.newKeySet();
                all.add(sink);
                return all;
            });
            sink.onDispose(() -> subscribers.computeIfPresent(key, (k, sinks) -> {
                sinks.remove(sink);
                return sinks.isEmpty() ? null : sinks;
            }));
        }, FluxSink.OverflowStrategy.BUFFER);
    }

    /** How many subscriptions are open, over all aggregates. */
    public int subscriptions() {
        return subscribers.values().stream().mapToInt(Set::size).sum();
    }

    void publish(OutboxEvent event) {
        Set<FluxSink<OutboxEvent>> interested = subscribers.get(key(event.aggregateType(), event.aggregateId()));
        if (interested != null) {
            interested.forEach(sink -> sink.next(event));
        }
    }

    private static String key(String aggregateType, String aggregateId) {
        return aggregateType + ":" + aggregateId;
    }
}
