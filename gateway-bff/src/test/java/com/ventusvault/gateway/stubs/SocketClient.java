package com.ventusvault.gateway.stubs;

import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A plain WebSocket client for tests (Reactor Netty): a real socket to the gateway that sends the text it is given and queues what it
 * receives. It answers the server's graphql-transport-ws {@code ping} and skips keep-alives, so tests read only the
 * messages they care about.
 */
public final class SocketClient implements AutoCloseable {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final Sinks.Many<String> outgoing = Sinks.many().unicast().onBackpressureBuffer();
    private final CompletableFuture<WebSocketCloseStatus> closed = new CompletableFuture<>();
    private final CompletableFuture<String> opened = new CompletableFuture<>();
    private final Disposable connection;
    private volatile int keepAlives;

    private SocketClient(String uri, String subprotocol, Map<String, String> headers) {
        WebsocketClientSpec.Builder spec = WebsocketClientSpec.builder();
        if (subprotocol != null) {
            spec.protocols(subprotocol);
        }
        connection = HttpClient.newConnection().headers(h -> headers.forEach(h::set)) // not pooled: sockets stay open
                .websocket(spec.build()).uri(uri)
                .handle((in, out) -> {
                    opened.complete(in.selectedSubprotocol());
                    in.receiveCloseStatus().subscribe(closed::complete);
                    Mono<Void> receiving = in.receive().asString().doOnNext(this::receive).then();
                    return Mono.firstWithSignal(out.sendString(outgoing.asFlux()).then(), receiving);
                })
                .subscribe(null, error -> {
                    opened.completeExceptionally(error);
                    closed.completeExceptionally(error);
                }, () -> closed.complete(null));
    }

    /** Connects to the gateway's {@code /graphql} asking for {@code subprotocol} (null: none). */
    public static SocketClient connect(int port, String subprotocol) {
        return connect(port, subprotocol, Map.of());
    }

    public static SocketClient connect(int port, String subprotocol, Map<String, String> headers) {
        SocketClient client = new SocketClient("ws://127.0.0.1:" + port + "/graphql", subprotocol, headers);
        client.awaitOpen();
        return client;
    }

    /** A client whose handshake may fail; {@link #handshakeFailure()} tells how. */
    public static SocketClient attempt(int port, String subprotocol, Map<String, String> headers) {
        return new SocketClient("ws://127.0.0.1:" + port + "/graphql", subprotocol, headers);
    }

    public String selectedSubprotocol() {
        return awaitOpen();
    }

    /** Why the handshake failed, or null when it succeeded. */
    public Throwable handshakeFailure() {
        try {
            opened.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("the handshake neither succeeded nor failed", e);
        }
    }

    public void send(String text) {
        synchronized (this) {
            outgoing.tryEmitNext(text);
        }
    }

    /** Sends {@code message} as JSON. */
    public void send(Map<String, ?> message) {
        send(JSON.writeValueAsString(message));
    }

    /** The next message that is not a keep-alive; fails the test after 10 s. */
    public JsonNode next() {
        try {
            JsonNode message = received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (message == null) {
                throw new AssertionError("no message within " + WAIT);
            }
            return message;
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** The next message, if one comes within {@code wait}. */
    public JsonNode poll(Duration wait) {
        try {
            return received.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** How many keep-alives ({@code ka}, or {@code ping} answered with {@code pong}) arrived. */
    public int keepAlives() {
        return keepAlives;
    }

    /** The close status the server sent (null when the connection ended without one); fails after 10 s. */
    public WebSocketCloseStatus awaitClose() {
        try {
            return closed.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("the connection was not closed", e);
        }
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    /** Closes the socket from this side at once, as a client that goes away does. */
    public void drop() {
        connection.dispose();
    }

    @Override
    public void close() {
        synchronized (this) {
            outgoing.tryEmitComplete();
        }
        connection.dispose();
    }

    private String awaitOpen() {
        try {
            return opened.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("the WebSocket handshake failed", e);
        }
    }

    private void receive(String text) {
        JsonNode message = JSON.readTree(text);
        String type = message.path("type").asString("");
        if (type.equals("ka")) {
            keepAlives++;
            return;
        }
        if (type.equals("ping")) {
            keepAlives++;
            send("{\"type\":\"pong\"}");
            return;
        }
        received.add(message);
    }
}
