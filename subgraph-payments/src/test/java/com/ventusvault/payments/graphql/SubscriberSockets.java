package com.ventusvault.payments.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.ventusvault.payments.outbox.OutboxFanout;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;

/**
 * Subscribers of the payments app over real WebSockets (graphql-transport-ws, the token in {@code connection_init}, as
 * the gateway connects): each subscription's events land in a queue, and everything is unsubscribed on
 * {@link #close()}.
 */
final class SubscriberSockets implements AutoCloseable {

    /** What a queue holds when the subscription completed (errors are queued as the exception). */
    static final Object COMPLETED = new Object() {
        @Override
        public String toString() {
            return "completed";
        }
    };

    private final int port;
    private final OutboxFanout fanout;
    private final Disposable.Composite subscriptions = Disposables.composite();

    SubscriberSockets(int port, OutboxFanout fanout) {
        this.port = port;
        this.fanout = fanout;
    }

    /**
     * Subscribes and waits until the relay's fan-out holds the new subscription; the queue receives each response's
     * data, then {@link #COMPLETED} or the error.
     */
    BlockingQueue<Object> subscribe(String token, String document, Map<String, Object> variables)
            throws InterruptedException {
        int before = fanout.subscriptions();
        BlockingQueue<Object> events = new LinkedBlockingQueue<>();
        subscriptions.add(client(token).document(document).variables(variables).executeSubscription()
                .subscribe(response -> events.add(response.getData()), events::add, () -> events.add(COMPLETED)));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (fanout.subscriptions() < before + 1) {
            assertThat(System.nanoTime()).as("subscription taken").isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(10);
        }
        return events;
    }

    /** The errors of a subscription the server refuses (an {@code error} message); fails if it is not refused. */
    String errorOf(String token, String document, Map<String, Object> variables) {
        try {
            client(token).document(document).variables(variables).executeSubscription().blockLast(Duration.ofSeconds(10));
        } catch (SubscriptionErrorException e) {
            return e.getErrors().toString();
        }
        throw new AssertionError("the subscription was not refused");
    }

    /** A client whose {@code connection_init} carries {@code Authorization: Bearer <token>} (nothing for null). */
    WebSocketGraphQlClient client(String token) {
        Map<String, Object> init = token == null ? Map.of() : Map.of("Authorization", "Bearer " + token);
        return WebSocketGraphQlClient.builder(uri(), new ReactorNettyWebSocketClient())
                .interceptor(new WebSocketGraphQlClientInterceptor() {
                    @Override
                    public Mono<Object> connectionInitPayload() {
                        return Mono.just(init);
                    }
                })
                .build();
    }

    URI uri() {
        return URI.create("ws://localhost:" + port + "/graphql");
    }

    /** The named root field of the next event within {@code wait}; fails on nothing, an error or the end. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> next(BlockingQueue<Object> events, String field, Duration wait) throws InterruptedException {
        Object event = events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(event).as("an event of " + field + " within " + wait).isInstanceOf(Map.class);
        return (Map<String, Object>) ((Map<String, Object>) event).get(field);
    }

    @Override
    public void close() {
        subscriptions.dispose();
    }
}
