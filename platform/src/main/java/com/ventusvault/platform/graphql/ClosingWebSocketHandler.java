package com.ventusvault.platform.graphql;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.SmartLifecycle;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webflux.GraphQlWebSocketHandler;
import org.springframework.http.codec.CodecConfigurer;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * spring-graphql's WebSocket handler (graphql-transport-ws), plus what a restart needs: when the app stops, every open
 * socket is closed with 1001 (going away) before the web server's graceful shutdown, which would otherwise wait its
 * whole timeout for connections that never end by themselves. Clients (the gateway) then end their subscriptions with
 * an error and can subscribe again once the subgraph is back.
 */
public class ClosingWebSocketHandler extends GraphQlWebSocketHandler implements SmartLifecycle {

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final Set<WebSocketSession> sessions = ConcurrentHashMap.newKeySet();
    private volatile boolean running;

    public ClosingWebSocketHandler(WebGraphQlHandler handler, CodecConfigurer codecs, Duration initTimeout,
                                   Duration keepAlive) {
        super(handler, codecs, initTimeout, keepAlive);
    }

    @Override
    public Mono<Void> handle(WebSocketSession session) {
        sessions.add(session);
        return super.handle(session).doFinally(signal -> sessions.remove(session));
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        Flux.fromIterable(Set.copyOf(sessions))
                .flatMap(session -> session.close(CloseStatus.GOING_AWAY.withReason("server restarting"))
                        .onErrorResume(error -> Mono.empty()))
                .then()
                .block(CLOSE_TIMEOUT);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the web server's graceful shutdown (phase {@code DEFAULT_PHASE - 1024}) starts waiting. */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 512;
    }
}
