package com.ventusvault.gateway.stubs;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import org.reactivestreams.Publisher;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One graphql-transport-ws connection to a {@link StubSubgraph}, served as Spring GraphQL serves it to the gateway:
 * {@code connection_init} is acknowledged (its {@code Authorization} becomes the {@code authorization} of the GraphQL
 * context, as the HTTP header does), each {@code subscribe} runs graphql-java's subscription execution, and a
 * subscription refused by its data fetcher answers {@code error} with the GraphQL errors (the issue 6 contract).
 */
final class StubSocket {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final StubSubgraph subgraph;
    private final GraphQL graphql;
    private final Sinks.Many<String> outgoing = Sinks.many().unicast().onBackpressureBuffer();
    private final Map<String, Disposable> running = new ConcurrentHashMap<>();
    private volatile Map<String, Object> init = Map.of();

    StubSocket(StubSubgraph subgraph, GraphQL graphql) {
        this.subgraph = subgraph;
        this.graphql = graphql;
    }

    Publisher<Void> serve(WebsocketInbound in, WebsocketOutbound out) {
        in.withConnection(subgraph::opened);
        in.receive().asString().subscribe(this::receive, error -> ended(), this::ended);
        return out.sendString(outgoing.asFlux()).then();
    }

    @SuppressWarnings("unchecked")
    private void receive(String text) {
        Map<String, Object> message = JSON.readValue(text, Map.class);
        String id = (String) message.get("id");
        switch ((String) message.get("type")) {
            case "connection_init" -> {
                init = message.get("payload") == null ? Map.of() : (Map<String, Object>) message.get("payload");
                subgraph.initialised(init);
                send(Map.of("type", "connection_ack"));
            }
            case "ping" -> send(Map.of("type", "pong"));
            case "subscribe" -> subscribe(id, (Map<String, Object>) message.get("payload"));
            case "complete" -> {
                subgraph.completedByGateway(id);
                Disposable subscription = running.remove(id);
                if (subscription != null) {
                    subscription.dispose();
                }
            }
            default -> {
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void subscribe(String id, Map<String, Object> payload) {
        String authorization = (String) init.get("Authorization");
        Map<String, Object> variables = payload.get("variables") == null ? Map.of()
                : (Map<String, Object>) payload.get("variables");
        subgraph.subscribed(new StubSubgraph.Received(subgraph.name(), (String) payload.get("query"), variables,
                authorization, (String) init.get("X-Request-Id"), null));
        ExecutionResult result = graphql.execute(ExecutionInput.newExecutionInput((String) payload.get("query"))
                .variables(variables)
                .graphQLContext(Map.of("authorization", authorization == null ? "" : authorization)));
        if (!(result.getData() instanceof Publisher<?> publisher)) {
            if (!result.getErrors().isEmpty()) {
                send(Map.of("id", id, "type", "error", "payload", result.toSpecification().get("errors")));
            } else {
                send(Map.of("id", id, "type", "next", "payload", result.toSpecification()));
                send(Map.of("id", id, "type", "complete"));
            }
            return;
        }
        Disposable.Swap subscription = Disposables.swap();
        running.put(id, subscription);
        subscription.update(Flux.from((Publisher<ExecutionResult>) publisher).subscribe(
                event -> send(Map.of("id", id, "type", "next", "payload", event.toSpecification())),
                error -> {
                    running.remove(id);
                    send(Map.of("id", id, "type", "error", "payload", List.of(Map.of("message", error.getMessage()))));
                },
                () -> {
                    if (running.remove(id) != null) {
                        send(Map.of("id", id, "type", "complete"));
                    }
                }));
    }

    private void ended() {
        running.values().forEach(Disposable::dispose);
        running.clear();
        synchronized (this) {
            outgoing.tryEmitComplete();
        }
    }

    private synchronized void send(Map<String, Object> message) {
        outgoing.tryEmitNext(JSON.writeValueAsString(new LinkedHashMap<>(message)));
    }
}
