package com.ventusvault.gateway.execution.subscriptions;

import com.ventusvault.gateway.errors.ErrorCode;
import com.ventusvault.gateway.execution.SubgraphEndpoint;
import com.ventusvault.gateway.execution.SubgraphFailure;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import reactor.util.concurrent.Queues;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * One graphql-transport-ws connection from the gateway to one subgraph, opened with one access token (or none) in its
 * {@code connection_init}, and carrying every subscription made with that token to that subgraph.
 * <p>
 * Subscriptions asked for before {@code connection_ack} wait for it (the protocol closes with 4401 otherwise). A
 * subscription the client cancels is ended at the subgraph with {@code complete}. When the socket ends for any other
 * reason than the gateway closing an idle connection (subgraph restart, network, a close frame), every subscription on
 * it fails with a {@link SubgraphFailure} ({@code SUBGRAPH_UNAVAILABLE}; {@code UNAUTHENTICATED} when the subgraph
 * closed with 4403 because it refused the token), so no client waits on a dead socket. The connection is then
 * forgotten by its {@link UpstreamSubscriptions}, and the next subscription opens a new one.
 * <p>
 * Costs nothing per subscription but a map entry, a small sink and the operators above it: no thread, no timer.
 */
final class UpstreamConnection {

    static final String PROTOCOL = "graphql-transport-ws";

    private static final Logger log = LoggerFactory.getLogger(UpstreamConnection.class);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private enum State { CONNECTING, READY, CLOSING, CLOSED }

    /** One subscription on this connection, by the id the gateway gave it. */
    private record Active(String id, Sinks.Many<JsonNode> events) {
    }

    private final SubgraphEndpoint endpoint;
    private final ObjectMapper json;
    private final Duration idleTimeout;
    private final Consumer<UpstreamConnection> forget;
    private final Sinks.Many<String> outgoing = Sinks.many().unicast()
            .onBackpressureBuffer(Queues.<String>unbounded(16).get());
    private final Map<String, Active> active = new ConcurrentHashMap<>();
    /** Subscribe messages waiting for {@code connection_ack}, by id (guarded by this). */
    private final Map<String, String> waiting = new LinkedHashMap<>();
    private long lastId; // guarded by this
    private State state = State.CONNECTING; // guarded by this
    private int users; // guarded by this
    private Disposable idleTimer; // guarded by this
    private Disposable ackTimer;
    private volatile Disposable socket;
    private volatile WebSocketCloseStatus closeStatus;
    private volatile SubgraphFailure failure;

    /**
     * @param forget called once when the connection must no longer be handed out (closing or closed)
     */
    UpstreamConnection(SubgraphEndpoint endpoint, ObjectMapper json, Duration idleTimeout,
                       Consumer<UpstreamConnection> forget) {
        this.endpoint = endpoint;
        this.json = json;
        this.idleTimeout = idleTimeout;
        this.forget = forget;
    }

    /** Connects and sends {@code connection_init} with {@code initPayload}; the ack is awaited for the subgraph's timeout. */
    void open(HttpClient client, ObjectNode initPayload, int maxFramePayloadLength) {
        synchronized (this) {
            emit(message("connection_init", null, initPayload));
        }
        ackTimer = Mono.delay(endpoint.timeout()).subscribe(tick -> ackTimedOut());
        socket = client.websocket(WebsocketClientSpec.builder().protocols(PROTOCOL)
                        .maxFramePayloadLength(maxFramePayloadLength).build())
                .uri(endpoint.webSocketUri())
                .handle((in, out) -> {
                    in.receiveCloseStatus().subscribe(status -> closeStatus = status);
                    Mono<Void> sending = out.sendString(outgoing.asFlux()).then();
                    Mono<Void> receiving = in.aggregateFrames(maxFramePayloadLength).receive().asString()
                            .doOnNext(this::onMessage).then();
                    return Mono.firstWithSignal(sending, receiving);
                })
                .subscribe(null, this::closed, () -> closed(null));
    }

    /** Counts one more user of this connection; false when it is closing and a new one must be opened. */
    synchronized boolean retain() {
        if (state == State.CLOSING || state == State.CLOSED) {
            return false;
        }
        users++;
        if (idleTimer != null) {
            idleTimer.dispose();
            idleTimer = null;
        }
        return true;
    }

    /**
     * Starts a subscription (the caller has {@link #retain() retained} the connection; the returned stream releases it
     * when it ends). Emits the subgraph's {@code next} payloads; completes on {@code complete}; fails with
     * {@link UpstreamRefusal} on {@code error} and with {@link SubgraphFailure} when the connection is lost.
     */
    Flux<JsonNode> subscribe(ObjectNode payload) {
        Active subscription;
        boolean closed;
        synchronized (this) {
            subscription = new Active(Long.toString(++lastId),
                    Sinks.many().unicast().onBackpressureBuffer(Queues.<JsonNode>unbounded(8).get()));
            active.put(subscription.id(), subscription);
            String message = message("subscribe", subscription.id(), payload);
            closed = state == State.CLOSED;
            switch (state) {
                case CONNECTING -> waiting.put(subscription.id(), message);
                case READY, CLOSING -> emit(message);
                case CLOSED -> {
                }
            }
        }
        if (closed && active.remove(subscription.id()) != null) { // lost between retain() and now
            fail(subscription, failure);
        }
        return subscription.events().asFlux()
                .doOnCancel(() -> cancelled(subscription))
                .doFinally(signal -> release());
    }

    /** Closes the socket now (the gateway is stopping); its subscriptions fail as for a lost connection. */
    void shutdown() {
        end(new SubgraphFailure("The gateway is shutting down", ErrorCode.SUBGRAPH_UNAVAILABLE, null));
        Disposable open = socket;
        if (open != null) {
            open.dispose();
        }
    }

    /** How many subscriptions are running on this connection (for tests and diagnostics). */
    int subscriptions() {
        return active.size();
    }

    private void cancelled(Active subscription) {
        if (active.remove(subscription.id()) == null) {
            return; // already ended by the subgraph
        }
        synchronized (this) {
            if (state == State.CONNECTING) {
                waiting.remove(subscription.id());
            } else if (state == State.READY || state == State.CLOSING) {
                emit(message("complete", subscription.id(), null));
            }
        }
    }

    private void release() {
        synchronized (this) {
            users--;
            if (users > 0 || state == State.CLOSING || state == State.CLOSED) {
                return;
            }
            if (!idleTimeout.isZero()) {
                idleTimer = Mono.delay(idleTimeout).subscribe(tick -> closeIfIdle());
                return;
            }
        }
        closeIfIdle();
    }

    /** Closes the connection (normal closure, after the messages already queued) if nobody has used it since. */
    private void closeIfIdle() {
        synchronized (this) {
            if (users > 0 || state == State.CLOSING || state == State.CLOSED) {
                return;
            }
            state = State.CLOSING;
            outgoing.tryEmitComplete();
        }
        forget.accept(this);
    }

    private void onMessage(String text) {
        JsonNode message;
        try {
            message = json.readTree(text);
        } catch (RuntimeException e) {
            log.warn("Subgraph '{}' sent a subscription message that is not JSON; closing its connection", endpoint.name());
            socket.dispose();
            return;
        }
        String type = message.path("type").asString("");
        String id = message.path("id").asString("");
        switch (type) {
            case "connection_ack" -> acknowledged();
            case "ping" -> {
                synchronized (this) {
                    emit(message("pong", null, null));
                }
            }
            case "next" -> {
                Active subscription = active.get(id);
                if (subscription != null) {
                    synchronized (subscription) {
                        subscription.events().tryEmitNext(message.path("payload"));
                    }
                }
            }
            case "error" -> {
                Active subscription = active.remove(id);
                if (subscription != null) {
                    synchronized (subscription) {
                        subscription.events().tryEmitError(new UpstreamRefusal(message.path("payload")));
                    }
                }
            }
            case "complete" -> {
                Active subscription = active.remove(id);
                if (subscription != null) {
                    synchronized (subscription) {
                        subscription.events().tryEmitComplete();
                    }
                }
            }
            default -> log.debug("Subgraph '{}' sent a '{}' subscription message; ignored", endpoint.name(), type);
        }
    }

    private void acknowledged() {
        synchronized (this) {
            if (state != State.CONNECTING) {
                return;
            }
            state = State.READY;
            waiting.values().forEach(this::emit);
            waiting.clear();
        }
        ackTimer.dispose();
    }

    private void ackTimedOut() {
        synchronized (this) {
            if (state != State.CONNECTING) {
                return;
            }
        }
        end(new SubgraphFailure("Subgraph '" + endpoint.name() + "' did not accept a subscription connection within "
                + endpoint.timeout(), ErrorCode.SUBGRAPH_TIMEOUT, null));
        socket.dispose();
    }

    /** The socket ended: normally (closed by either side) or with {@code error} (could not connect, handshake refused). */
    private void closed(Throwable error) {
        WebSocketCloseStatus status = closeStatus;
        SubgraphFailure lost;
        if (status != null && status.code() == 4403) {
            lost = new SubgraphFailure("Subgraph '" + endpoint.name() + "' refused the access token for subscriptions",
                    ErrorCode.UNAUTHENTICATED, error);
        } else {
            lost = new SubgraphFailure("Subgraph '" + endpoint.name() + "' is unavailable: its subscription connection "
                    + (error != null ? "failed" : "closed" + (status == null ? "" : " (" + status.code() + ")")),
                    ErrorCode.SUBGRAPH_UNAVAILABLE, error);
        }
        if (error != null) {
            log.info("Subscription connection to subgraph '{}' failed: {}", endpoint.name(), error.toString());
        }
        end(lost);
    }

    private void end(SubgraphFailure lost) {
        boolean intended;
        synchronized (this) {
            if (state == State.CLOSED) {
                return;
            }
            intended = state == State.CLOSING;
            failure = lost;
            state = State.CLOSED;
            waiting.clear();
            if (idleTimer != null) {
                idleTimer.dispose();
            }
            outgoing.tryEmitComplete();
        }
        ackTimer.dispose();
        if (!intended) {
            forget.accept(this);
        }
        for (String id : List.copyOf(active.keySet())) {
            Active subscription = active.remove(id);
            if (subscription != null) {
                fail(subscription, lost);
            }
        }
    }

    private static void fail(Active subscription, SubgraphFailure failure) {
        synchronized (subscription) {
            subscription.events().tryEmitError(failure);
        }
    }

    /** Queues a message for the socket; callers hold this connection's lock, so messages keep their order. */
    private void emit(String message) {
        outgoing.tryEmitNext(message);
    }

    private String message(String type, String id, ObjectNode payload) {
        ObjectNode message = NODES.objectNode();
        if (id != null) {
            message.put("id", id);
        }
        message.put("type", type);
        if (payload != null) {
            message.set("payload", payload);
        }
        return json.writeValueAsString(message);
    }
}
