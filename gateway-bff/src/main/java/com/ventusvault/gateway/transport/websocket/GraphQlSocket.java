package com.ventusvault.gateway.transport.websocket;

import com.ventusvault.gateway.errors.ErrorCode;
import com.ventusvault.gateway.errors.GraphQlErrors;
import com.ventusvault.gateway.execution.ForwardedHeaders;
import com.ventusvault.gateway.execution.subscriptions.SubscriptionEvent;
import com.ventusvault.gateway.limits.SubscriptionLimits;
import com.ventusvault.gateway.pipeline.GraphQlOutcome;
import com.ventusvault.gateway.pipeline.GraphQlPipeline;
import com.ventusvault.gateway.pipeline.StreamedOutcome;
import com.ventusvault.gateway.security.Credentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One client's GraphQL WebSocket connection, in either protocol: waits for {@code connection_init} (4408 when none
 * arrives within the init timeout), verifies its token with the pipeline's token check (4403 when refused), then runs each operation the
 * client sends through {@link GraphQlPipeline#stream} under the client's id, and sends the results back. Close codes:
 * {@link CloseCode}. Limits: every operation is charged to the rate-limit buckets, document limits are checked before
 * the pipeline, and subscriptions are capped per connection and per user.
 * <p>
 * Messages to the client are queued in one sink and written in order by the session; the queue is written from
 * whichever thread produced the message (the connection's event loop, a subgraph connection's, a timer's), so every
 * emission holds this object's monitor. Nothing here has a thread of its own.
 */
final class GraphQlSocket {

    private static final Logger log = LoggerFactory.getLogger(GraphQlSocket.class);

    /** One running operation; {@code subscription} is disposed to cancel it (and its subgraph subscription). */
    private record Operation(String id, Disposable.Swap subscription) {
    }

    /** A message of an operation; the last one ({@code complete} or {@code error}) ends the operation first. */
    private record Reply(String text, boolean last) {
    }

    private final WebSocketSession session;
    private final WebSocketProtocol protocol;
    private final SocketServices services;
    private final String clientIp;
    private final ForwardedHeaders forwarded;
    private final Sinks.Many<String> outgoing = Sinks.many().unicast()
            .onBackpressureBuffer(Queues.<String>unbounded(16).get());
    private final Map<String, Operation> operations = new ConcurrentHashMap<>();
    private final AtomicBoolean initReceived = new AtomicBoolean();
    private final AtomicInteger subscriptionsRunning = new AtomicInteger();
    private final AtomicInteger queued = new AtomicInteger();
    private final Disposable.Composite timers = Disposables.composite();
    private volatile boolean acknowledged;
    private volatile String authorization;
    private CloseStatus closeStatus; // guarded by this

    GraphQlSocket(WebSocketSession session, WebSocketProtocol protocol, SocketServices services, String clientIp,
                  ForwardedHeaders forwarded) {
        this.session = session;
        this.protocol = protocol;
        this.services = services;
        this.clientIp = clientIp;
        this.forwarded = forwarded;
    }

    /** Serves the connection until either side closes it. */
    Mono<Void> run() {
        timers.add(Mono.delay(services.initTimeout()).subscribe(tick -> {
            if (!initReceived.get()) { // as graphql-ws: the client's part is to send it in time, ours to verify it
                close(CloseCode.INIT_TIMEOUT.status());
            }
        }));
        Mono<Void> input = session.receive()
                .doOnNext(message -> receive(message.getPayloadAsText()))
                .then()
                .doFinally(signal -> ended());
        Mono<Void> output = session.send(outgoing.asFlux()
                        .doOnNext(message -> queued.decrementAndGet())
                        .map(session::textMessage))
                .then(Mono.defer(() -> {
                    CloseStatus status = closeStatus();
                    return status == null ? Mono.empty() : session.close(status);
                }));
        return Mono.when(input, output);
    }

    private void receive(String text) {
        ClientMessage message;
        try {
            JsonNode json = services.json().readTree(text);
            if (json == null || !json.isObject()) {
                throw new ClientMessage.Invalid("Invalid message received: not a JSON object");
            }
            message = protocol.parse(json);
        } catch (ClientMessage.Invalid e) {
            close(CloseCode.BAD_MESSAGE.status(e.getMessage()));
            return;
        } catch (RuntimeException e) {
            close(CloseCode.BAD_MESSAGE.status("Invalid message received: not JSON"));
            return;
        }
        switch (message) {
            case ClientMessage.Init init -> initialise(init);
            case ClientMessage.Ping ping -> send(protocol.pong(ping.payload()));
            case ClientMessage.Pong pong -> {
            }
            case ClientMessage.Subscribe subscribe -> start(subscribe);
            case ClientMessage.Complete complete -> stop(complete.id());
            case ClientMessage.Terminate terminate -> close(CloseCode.NORMAL.status());
        }
    }

    private void initialise(ClientMessage.Init init) {
        if (!initReceived.compareAndSet(false, true)) {
            close(CloseCode.TOO_MANY_INITS.status());
            return;
        }
        String sent = ConnectionParams.authorization(init.payload());
        timers.add(services.pipeline().authenticate(sent).subscribe(credentials -> {
            switch (credentials) {
                case Credentials.Refused refused -> {
                    send(protocol.connectionError("The access token was refused: " + refused.reason()));
                    close(CloseCode.FORBIDDEN.status());
                }
                case Credentials.Unverifiable unverifiable -> close(CloseCode.INTERNAL.status(
                        "Access tokens cannot be verified right now; retry shortly"));
                case Credentials.None none -> acknowledge(null);
                case Credentials.Verified verified -> acknowledge(sent);
            }
        }, error -> {
            log.error("Verifying a WebSocket connection's token failed", error);
            close(CloseCode.INTERNAL.status());
        }));
    }

    private void acknowledge(String verifiedAuthorization) {
        authorization = verifiedAuthorization;
        acknowledged = true;
        send(protocol.acknowledge());
        if (!services.keepAlive().isZero()) {
            if (protocol instanceof LegacyGraphQlWsProtocol) {
                send(protocol.keepAlive()); // subscriptions-transport-ws clients expect ka right after the ack
            }
            timers.add(Flux.interval(services.keepAlive()).subscribe(tick -> send(protocol.keepAlive())));
        }
    }

    private void start(ClientMessage.Subscribe subscribe) {
        if (!acknowledged) {
            close(CloseCode.UNAUTHORIZED.status());
            return;
        }
        String id = subscribe.id();
        Operation operation = new Operation(id, Disposables.swap());
        if (operations.putIfAbsent(id, operation) != null) {
            close(CloseCode.SUBSCRIBER_EXISTS.status("Subscriber for " + id + " already exists"));
            return;
        }
        SubscriptionLimits limits = services.subscriptionLimits();
        ObjectNode rateLimited = limits.admit(clientIp, authorization);
        List<ObjectNode> refused = rateLimited != null ? List.of(rateLimited)
                : services.documentLimits() == null ? List.of()
                : services.documentLimits().check(subscribe.request().query());
        if (!refused.isEmpty()) {
            send(protocol.error(id, copies(refused)));
            operations.remove(id, operation);
            return;
        }
        var options = new GraphQlPipeline.Options(authorization, true, false, forwarded);
        operation.subscription().update(services.pipeline().stream(subscribe.request(), options)
                .flatMapMany(outcome -> messages(id, outcome))
                .subscribe(reply -> {
                    if (reply.last()) { // the id is free again before the client hears that it ended
                        operations.remove(id, operation);
                    }
                    send(reply.text());
                }, error -> {
                    log.error("Operation {} on a WebSocket failed", id, error);
                    if (operations.remove(id, operation)) {
                        send(protocol.error(id, List.of(GraphQlErrors.error("Internal error", ErrorCode.INTERNAL))));
                    }
                }, () -> operations.remove(id, operation)));
    }

    /** The messages for one operation's outcome: results, then {@code complete}, or one {@code error}. */
    private Flux<Reply> messages(String id, StreamedOutcome outcome) {
        return switch (outcome) {
            case StreamedOutcome.Single single -> single.outcome().kind() == GraphQlOutcome.Kind.EXECUTED
                    ? Flux.just(new Reply(protocol.next(id, single.outcome().body()), false),
                    new Reply(protocol.complete(id), true))
                    : Flux.just(new Reply(protocol.error(id, errors(single.outcome().body())), true));
            case StreamedOutcome.Stream stream -> subscription(id, stream);
        };
    }

    /**
     * A subscription's messages, within the caps: the per-connection count and the user's lease are taken when the
     * messages are subscribed to and given back when they end, however they end.
     */
    private Flux<Reply> subscription(String id, StreamedOutcome.Stream stream) {
        return Flux.defer(() -> {
            SubscriptionLimits limits = services.subscriptionLimits();
            if (subscriptionsRunning.incrementAndGet() > limits.maxPerConnection()) {
                subscriptionsRunning.decrementAndGet();
                return Flux.just(new Reply(protocol.error(id, List.of(limits.tooManyOnConnection())), true));
            }
            String userId = stream.credentials() instanceof Credentials.Verified(var viewer)
                    ? String.valueOf(viewer.userId()) : null;
            SubscriptionLimits.Lease lease = limits.lease(userId);
            if (lease == null) {
                subscriptionsRunning.decrementAndGet();
                return Flux.just(new Reply(protocol.error(id, List.of(limits.tooManyForUser())), true));
            }
            AtomicBoolean failed = new AtomicBoolean();
            return stream.events()
                    .map(event -> switch (event) {
                        case SubscriptionEvent.Next next -> new Reply(protocol.next(id, next.payload()), false);
                        case SubscriptionEvent.Failed error -> {
                            failed.set(true);
                            yield new Reply(protocol.error(id, error.errors()), true);
                        }
                    })
                    .concatWith(Mono.fromSupplier(() -> failed.get() ? null
                            : new Reply(protocol.complete(id), true)))
                    .doFinally(signal -> {
                        subscriptionsRunning.decrementAndGet();
                        lease.close();
                    });
        });
    }

    private void stop(String id) {
        Operation operation = operations.remove(id);
        if (operation == null) {
            return; // unknown or already finished: nothing to do (graphql-ws ignores it too)
        }
        operation.subscription().dispose();
        if (protocol.completesStoppedOperations()) {
            send(protocol.complete(id));
        }
    }

    private void ended() {
        timers.dispose();
        stopAll();
        synchronized (this) {
            outgoing.tryEmitComplete();
        }
    }

    private void stopAll() {
        for (String id : List.copyOf(operations.keySet())) {
            Operation operation = operations.remove(id);
            if (operation != null) {
                operation.subscription().dispose();
            }
        }
    }

    /** Closes the connection because the gateway is stopping. */
    void goingAway() {
        close(CloseCode.GOING_AWAY.status());
    }

    /** Closes the connection with {@code status} once the messages already queued are written. */
    private void close(CloseStatus status) {
        synchronized (this) {
            if (closeStatus != null) {
                return;
            }
            closeStatus = status;
            outgoing.tryEmitComplete();
        }
        timers.dispose();
        stopAll();
    }

    private synchronized CloseStatus closeStatus() {
        return closeStatus;
    }

    private synchronized void send(String message) {
        if (message == null || closeStatus != null) {
            return;
        }
        if (queued.incrementAndGet() > services.maxQueued()) { // the client stopped reading: do not buffer forever
            log.info("Closing a WebSocket from {}: {} messages wait for a client that does not read them", clientIp,
                    services.maxQueued());
            close(CloseCode.TOO_SLOW.status());
            return;
        }
        outgoing.tryEmitNext(message);
    }

    private static List<ObjectNode> errors(ObjectNode body) {
        List<ObjectNode> errors = new ArrayList<>();
        body.path("errors").forEach(error -> errors.add((ObjectNode) error));
        return errors;
    }

    private static List<ObjectNode> copies(List<ObjectNode> shared) {
        return shared.stream().map(ObjectNode::deepCopy).toList();
    }
}
