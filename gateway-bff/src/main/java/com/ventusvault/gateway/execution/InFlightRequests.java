package com.ventusvault.gateway.execution;

import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * De-duplicates identical subgraph requests while they are in flight: callers asking for the same (subgraph, body
 * bytes, {@code Authorization}) while a request for it is running share that one request and its reply. Nothing is
 * kept once the request ends (no caching). The shared request runs to its end (bounded by the subgraph's timeout)
 * even if a caller cancels, so one caller going away never cancels the others.
 *
 * @param <T> the reply type; every caller receives the same instance, so it must be immutable
 */
final class InFlightRequests<T> {

    /** Exact identity of a request: the body compared by content, not by a hash that could collide. */
    private record Key(String subgraph, ByteBuffer body, String authorization) {
    }

    private final Map<Key, Mono<T>> inFlight = new ConcurrentHashMap<>();

    /**
     * The reply of the request, sent by {@code send} unless an identical request is already in flight. Lazy: nothing
     * happens until the result is subscribed to.
     */
    Mono<T> share(String subgraph, byte[] body, String authorization, Supplier<Mono<T>> send) {
        return Mono.defer(() -> {
            Key key = new Key(subgraph, ByteBuffer.wrap(body), authorization);
            Sinks.One<T> sink = Sinks.one();
            Mono<T> reply = sink.asMono();
            Mono<T> running = inFlight.putIfAbsent(key, reply);
            if (running != null) {
                return running;
            }
            Mono<T> request;
            try {
                request = send.get();
            } catch (RuntimeException e) {
                request = Mono.error(e);
            }
            // leave the map before the reply is emitted: a caller arriving afterwards sends its own request
            request.subscribe(
                    value -> {
                        inFlight.remove(key, reply);
                        sink.tryEmitValue(value);
                    },
                    error -> {
                        inFlight.remove(key, reply);
                        sink.tryEmitError(error);
                    },
                    () -> {
                        if (inFlight.remove(key, reply)) {
                            sink.tryEmitEmpty();
                        }
                    });
            return reply;
        });
    }

    /** How many distinct requests are in flight now. */
    int size() {
        return inFlight.size();
    }
}
