package com.ventusvault.platform.testing;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Opens a raw graphql-transport-ws connection, sends one {@code connection_init} and records what the server does
 * with it: the messages it sends and the close status it closes with (which {@code WebSocketGraphQlClient} does not
 * show), for tests of how connections are refused.
 */
public final class GraphQlSocketProbe {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GraphQlSocketProbe() {
    }

    /**
     * @param messages    the server's messages, in order (e.g. {@code {"type":"connection_ack"}})
     * @param closeStatus how the server closed the connection, or null when it kept it open for the whole wait
     */
    public record Outcome(List<String> messages, CloseStatus closeStatus) {
    }

    /**
     * Connects, sends {@code connection_init} with {@code payload}, and listens until the server closes the connection
     * or stays silent for {@code wait}.
     */
    public static Outcome connectionInit(URI uri, Map<String, Object> payload, Duration wait) {
        List<String> messages = new CopyOnWriteArrayList<>();
        AtomicReference<CloseStatus> closed = new AtomicReference<>();
        AtomicBoolean keptOpen = new AtomicBoolean();
        String init = JSON.writeValueAsString(Map.of("type", "connection_init", "payload", payload));
        WebSocketHandler handler = new WebSocketHandler() {
            @Override
            public List<String> getSubProtocols() {
                return List.of("graphql-transport-ws");
            }

            @Override
            public Mono<Void> handle(WebSocketSession session) {
                session.closeStatus().subscribe(closed::set);
                return session.send(Mono.just(session.textMessage(init)))
                        .thenMany(session.receive().map(WebSocketMessage::getPayloadAsText).doOnNext(messages::add)
                                .timeout(wait, Flux.<String>empty().doOnComplete(() -> keptOpen.set(true))))
                        .then(Mono.defer(session::close));
            }
        };
        new ReactorNettyWebSocketClient().execute(uri, handler).block(wait.plusSeconds(10));
        if (keptOpen.get()) {
            return new Outcome(List.copyOf(messages), null);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (closed.get() == null && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return new Outcome(List.copyOf(messages), closed.get());
    }
}
