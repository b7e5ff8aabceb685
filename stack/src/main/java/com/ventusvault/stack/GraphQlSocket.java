package com.ventusvault.stack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A GraphQL-over-WebSocket client as the client apps use it, on the JDK's own WebSocket: the {@code graphql-ws}
 * library's {@code graphql-transport-ws} protocol or the legacy {@code graphql-ws} one (subscriptions-transport-ws,
 * graphql_flutter's default). It connects, sends {@code connection_init} with the given payload, answers pings, and
 * multiplexes subscriptions by id. The end-to-end tests and the subscriber benchmark use it; nothing of Spring in it.
 */
public final class GraphQlSocket implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int ABNORMAL_CLOSURE = 1006;

    /** The two subprotocols, with the message names where they differ. */
    public enum Protocol {
        TRANSPORT_WS("graphql-transport-ws", "subscribe", "next", "complete"),
        LEGACY_WS("graphql-ws", "start", "data", "stop");

        private final String subprotocol;
        private final String subscribe;
        private final String next;
        private final String stop;

        Protocol(String subprotocol, String subscribe, String next, String stop) {
            this.subprotocol = subprotocol;
            this.subscribe = subscribe;
            this.next = next;
            this.stop = stop;
        }

        public String subprotocol() {
            return subprotocol;
        }
    }

    /** What a subscription receives: results, a terminating error, or completion. */
    public sealed interface Event {
        /** One result: {@code data} and maybe {@code errors}. */
        record Next(JsonNode payload) implements Event {
        }

        /** The operation failed and ended; {@code errors} as the server sent them. */
        record Error(JsonNode errors) implements Event {
        }

        /** The server ended the operation, or the socket closed under it ({@code closeCode} then, else 0). */
        record Complete(int closeCode) implements Event {
        }
    }

    /** How the socket closed: the code and reason the server sent (1006 when it just dropped). */
    public record Closed(int code, String reason) {
    }

    private final WebSocket socket;
    private final Protocol protocol;
    private final Map<String, Consumer<Event>> listeners = new ConcurrentHashMap<>();
    private final CompletableFuture<Closed> closed;
    private final AtomicLong ids = new AtomicLong();

    private GraphQlSocket(WebSocket socket, Protocol protocol, Inbox inbox) {
        this.socket = socket;
        this.protocol = protocol;
        this.closed = inbox.closed;
        inbox.owner = this;
    }

    /**
     * Opens a socket to {@code uri} ({@code ws://host:port/graphql}) and completes once the server acknowledged
     * {@code connection_init} with {@code initPayload}; fails with {@link ClosedException} when the server closes
     * instead (a refused token: 4403).
     */
    public static CompletableFuture<GraphQlSocket> connect(HttpClient http, URI uri, Protocol protocol,
                                                           Map<String, ?> initPayload) {
        Inbox inbox = new Inbox();
        return http.newWebSocketBuilder()
                .subprotocols(protocol.subprotocol)
                .connectTimeout(Duration.ofSeconds(10))
                .buildAsync(uri, inbox)
                .thenCompose(socket -> {
                    GraphQlSocket client = new GraphQlSocket(socket, protocol, inbox);
                    client.send(Map.of("type", "connection_init", "payload", initPayload));
                    return inbox.acknowledged.applyToEither(inbox.closed.thenCompose(closed ->
                            CompletableFuture.failedFuture(new ClosedException(closed))), ack -> client);
                });
    }

    /** The payload {@code connection_init} carries a bearer token in. */
    public static Map<String, Object> bearer(String accessToken) {
        return accessToken == null ? Map.of() : Map.of("Authorization", "Bearer " + accessToken);
    }

    /** Starts an operation whose events go to {@code listener} (on the socket's thread: keep it short). */
    public Subscription subscribe(String document, Map<String, ?> variables, Consumer<Event> listener) {
        String id = Long.toString(ids.incrementAndGet());
        listeners.put(id, listener);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("query", document);
        payload.put("variables", variables);
        send(Map.of("id", id, "type", protocol.subscribe, "payload", payload));
        return new Subscription(id);
    }

    /** Starts an operation whose events queue up for {@link Queued#next}. */
    public Queued subscribe(String document, Map<String, ?> variables) {
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        return new Queued(subscribe(document, variables, events::add), events);
    }

    /** Completes when the socket is closed, by either side. */
    public CompletableFuture<Closed> closed() {
        return closed;
    }

    /** Sends a raw text frame, for tests of how the server treats bad messages. */
    public void sendRaw(String text) {
        synchronized (socket) {
            socket.sendText(text, true).join();
        }
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(failed -> null);
        }
        socket.abort();
    }

    private void send(Map<String, ?> message) {
        sendRaw(JSON.writeValueAsString(message));
    }

    private void dispatch(JsonNode message) {
        String type = message.path("type").asString();
        String id = message.path("id").asString(null);
        if (type.equals("ping")) {
            send(Map.of("type", "pong"));
            return;
        }
        Consumer<Event> listener = id == null ? null : listeners.get(id);
        if (listener == null) {
            return;
        }
        if (type.equals(protocol.next)) {
            listener.accept(new Event.Next(message.path("payload")));
        } else if (type.equals("error")) {
            listeners.remove(id);
            listener.accept(new Event.Error(message.path("payload")));
        } else if (type.equals("complete")) {
            listeners.remove(id);
            listener.accept(new Event.Complete(0));
        }
    }

    private void closedUnder(int code) {
        listeners.forEach((id, listener) -> listener.accept(new Event.Complete(code)));
        listeners.clear();
    }

    /** A running operation on this socket. */
    public class Subscription {

        private final String id;

        Subscription(String id) {
            this.id = id;
        }

        /** Tells the server the client is done with it ({@code complete}, or {@code stop} in the legacy protocol). */
        public void complete() {
            if (listeners.remove(id) != null) {
                send(Map.of("id", id, "type", protocol.stop));
            }
        }
    }

    /** A subscription whose events wait in a queue. */
    public final class Queued extends Subscription {

        private final BlockingQueue<Event> events;

        Queued(Subscription subscription, BlockingQueue<Event> events) {
            super(subscription.id);
            this.events = events;
        }

        /** The next event, or null when none arrives within {@code timeout}. */
        public Event next(Duration timeout) throws InterruptedException {
            return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The server closed the socket before acknowledging the connection. */
    public static final class ClosedException extends RuntimeException {

        private final Closed closed;

        ClosedException(Closed closed) {
            super("The server closed the socket: " + closed.code() + " " + closed.reason());
            this.closed = closed;
        }

        public Closed closed() {
            return closed;
        }
    }

    /** Receives frames (joining partial ones) and hands whole messages to the client. */
    private static final class Inbox implements WebSocket.Listener {

        private final CompletableFuture<Boolean> acknowledged = new CompletableFuture<>();
        private final CompletableFuture<Closed> closed = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();
        private volatile GraphQlSocket owner;

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                JsonNode message = JSON.readTree(partial.toString());
                partial.setLength(0);
                if (message.path("type").asString().equals("connection_ack")) {
                    acknowledged.complete(true);
                } else if (owner != null) {
                    owner.dispatch(message);
                }
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            finish(statusCode, reason);
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            finish(ABNORMAL_CLOSURE, String.valueOf(error.getMessage()));
        }

        private void finish(int code, String reason) {
            if (owner != null) {
                owner.closedUnder(code);
            }
            closed.complete(new Closed(code, reason));
        }
    }
}
