package com.ventusvault.gateway.stubs;

import com.apollographql.federation.graphqljava.Federation;
import graphql.ExecutionInput;
import graphql.GraphQL;
import graphql.schema.Coercing;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLScalarType;
import graphql.schema.idl.RuntimeWiring;
import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.Connection;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.WebsocketServerSpec;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A real Federation subgraph for executor tests: a graphql-java schema from one of our subgraph SDLs (federation-jvm
 * adds {@code _entities}), served over HTTP by Reactor Netty on a random port, recording every request it receives.
 * It also serves subscriptions over graphql-transport-ws on the same {@code /graphql} ({@link StubSocket}), with events
 * the test pushes ({@link #publish}), and can be stopped and started again on the same port, dropping every open
 * connection as a restarting subgraph would.
 */
public final class StubSubgraph implements AutoCloseable {

    /** One request as the subgraph received it. */
    public record Received(String subgraph, String query, Map<String, Object> variables, String authorization,
                           String requestId, String forwardedFor) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String name;
    private final GraphQL graphql;
    private final List<Received> log;
    private final Map<String, Sinks.Many<Object>> events = new ConcurrentHashMap<>();
    private final List<Received> subscriptions = Collections.synchronizedList(new ArrayList<>());
    private final List<Map<String, Object>> inits = Collections.synchronizedList(new ArrayList<>());
    private final List<String> completes = Collections.synchronizedList(new ArrayList<>());
    private final Set<Connection> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicInteger socketsOpened = new AtomicInteger();
    private volatile DisposableServer server;
    private volatile int port;
    private volatile Duration delay = Duration.ZERO;

    private StubSubgraph(String name, GraphQL graphql, List<Received> log) {
        this.name = name;
        this.graphql = graphql;
        this.log = log;
        bind(0);
    }

    private void bind(int requestedPort) {
        server = HttpServer.create().host("127.0.0.1").port(requestedPort)
                .route(routes -> routes
                        .ws("/graphql", (in, out) -> new StubSocket(this, graphql).serve(in, out),
                                WebsocketServerSpec.builder().protocols("graphql-transport-ws").build())
                        .post("/graphql", (request, response) -> request.receive().aggregate()
                        .asByteArray()
                        .flatMap(bytes -> Mono.delay(delay).thenReturn(bytes))
                        .map(bytes -> execute(bytes, request.requestHeaders().get(HttpHeaderNames.AUTHORIZATION),
                                request.requestHeaders().get("X-Request-Id"),
                                request.requestHeaders().get("X-Forwarded-For")))
                        .flatMap(body -> response.header(HttpHeaderNames.CONTENT_TYPE, "application/json")
                                .sendByteArray(Mono.just(body)).then())))
                .bindNow();
        port = server.port();
    }

    /** Stops serving and drops every open connection, as a subgraph that goes down does. */
    public void stop() {
        server.disposeNow();
        sockets.forEach(Connection::dispose);
    }

    /** Serves again on the same port (after {@link #stop()}). */
    public void restart() {
        bind(port);
    }

    /** The events of subscription field {@code field}, for its data fetcher to return (or filter first). */
    public Flux<Object> events(String field) {
        return sink(field).asFlux();
    }

    /** Pushes {@code event} to every running subscription of {@code field}. */
    public void publish(String field, Object event) {
        sink(field).emitNext(event, Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
    }

    /** How many subscriptions to {@code field} are running here. */
    public int subscribers(String field) {
        return sink(field).currentSubscriberCount();
    }

    /** Every {@code subscribe} received over WebSockets, in order. */
    public List<Received> subscriptions() {
        synchronized (subscriptions) {
            return List.copyOf(subscriptions);
        }
    }

    /** The payloads of every {@code connection_init} received, in order. */
    public List<Map<String, Object>> connectionInits() {
        synchronized (inits) {
            return List.copyOf(inits);
        }
    }

    /** The ids of the subscriptions the gateway ended with {@code complete}. */
    public List<String> completedByGateway() {
        synchronized (completes) {
            return List.copyOf(completes);
        }
    }

    /** How many WebSocket connections are open now. */
    public int openSockets() {
        return sockets.size();
    }

    /** How many WebSocket connections were ever opened. */
    public int socketsOpened() {
        return socketsOpened.get();
    }

    /** Forgets the WebSocket activity recorded so far. */
    public void clearSocketLog() {
        subscriptions.clear();
        inits.clear();
        completes.clear();
        socketsOpened.set(0);
    }

    String name() {
        return name;
    }

    void opened(Connection connection) {
        sockets.add(connection);
        socketsOpened.incrementAndGet();
        connection.onDispose(() -> sockets.remove(connection));
    }

    void initialised(Map<String, Object> payload) {
        inits.add(payload);
    }

    void subscribed(Received received) {
        subscriptions.add(received);
    }

    void completedByGateway(String id) {
        completes.add(id);
    }

    private Sinks.Many<Object> sink(String field) {
        return events.computeIfAbsent(field, f -> Sinks.many().multicast().directBestEffort());
    }

    /**
     * Starts a subgraph from {@code schema/subgraphs/<name>.graphqls}.
     *
     * @param wiring   data fetchers for its fields
     * @param entities resolves a representation of a type to the entity (a Map with {@code __typename})
     * @param log      shared request log, so tests see the order across subgraphs
     */
    public static StubSubgraph start(String name, Consumer<RuntimeWiring.Builder> wiring,
                              Map<String, Function<Map<String, Object>, Map<String, Object>>> entities,
                              List<Received> log) {
        RuntimeWiring.Builder builder = RuntimeWiring.newRuntimeWiring()
                .scalar(passThrough("Decimal")).scalar(passThrough("DateTime"));
        wiring.accept(builder);
        DataFetcher<?> fetchEntities = env -> {
            List<Map<String, Object>> representations = env.getArgument("representations");
            List<Object> result = new ArrayList<>();
            for (Map<String, Object> representation : representations) {
                var resolver = entities.get((String) representation.get("__typename"));
                result.add(resolver == null ? null : resolver.apply(representation));
            }
            return result;
        };
        var schema = Federation.transform(sdl(name), builder.build())
                .fetchEntities(fetchEntities)
                .resolveEntityType(env -> env.getSchema().getObjectType(
                        (String) ((Map<?, ?>) env.getObject()).get("__typename")))
                .build();
        return new StubSubgraph(name, GraphQL.newGraphQL(schema).build(), log);
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/graphql";
    }

    public void delay(Duration delay) {
        this.delay = delay;
    }

    @SuppressWarnings("unchecked")
    private byte[] execute(byte[] body, String authorization, String requestId, String forwardedFor) {
        Map<String, Object> request = JSON.readValue(body, Map.class);
        Map<String, Object> variables = request.get("variables") == null ? Map.of()
                : (Map<String, Object>) request.get("variables");
        log.add(new Received(name, (String) request.get("query"), variables, authorization, requestId, forwardedFor));
        var result = graphql.execute(ExecutionInput.newExecutionInput((String) request.get("query"))
                .variables(variables).graphQLContext(Map.of("authorization", authorization == null ? "" : authorization)));
        return JSON.writeValueAsBytes(result.toSpecification());
    }

    private static String sdl(String name) {
        try (InputStream in = StubSubgraph.class.getResourceAsStream("/subgraphs/" + name + ".graphqls")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("No SDL for subgraph " + name + " on the classpath", e);
        }
    }

    private static GraphQLScalarType passThrough(String name) {
        return GraphQLScalarType.newScalar().name(name).coercing(new Coercing<Object, Object>() {
            @Override
            public Object serialize(Object value) {
                return value;
            }

            @Override
            public Object parseValue(Object input) {
                return input;
            }

            @Override
            public Object parseLiteral(Object input) {
                return input instanceof graphql.language.StringValue s ? s.getValue() : input;
            }
        }).build();
    }

    public static List<Received> newLog() {
        return Collections.synchronizedList(new ArrayList<>());
    }

    @Override
    public void close() {
        stop();
    }
}
