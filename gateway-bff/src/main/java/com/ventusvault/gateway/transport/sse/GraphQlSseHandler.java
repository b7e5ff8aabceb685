package com.ventusvault.gateway.transport.sse;

import com.ventusvault.gateway.document.GraphQlRequest;
import com.ventusvault.gateway.errors.ErrorCode;
import com.ventusvault.gateway.errors.GraphQlErrors;
import com.ventusvault.gateway.execution.subscriptions.SubscriptionEvent;
import com.ventusvault.gateway.limits.DocumentLimits;
import com.ventusvault.gateway.limits.SubscriptionLimits;
import com.ventusvault.gateway.pipeline.GraphQlOutcome;
import com.ventusvault.gateway.pipeline.GraphQlPipeline;
import com.ventusvault.gateway.pipeline.StreamedOutcome;
import com.ventusvault.gateway.security.Credentials;
import com.ventusvault.gateway.transport.http.ConnectionThread;
import com.ventusvault.gateway.transport.http.Forwarding;
import com.ventusvault.gateway.transport.http.GraphQlRequestReader;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ReactiveHttpOutputMessage;
import org.springframework.web.reactive.function.BodyInserter;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * GraphQL over SSE in graphql-sse's "distinct connections" mode: {@code POST /graphql} with
 * {@code Accept: text/event-stream} and a JSON GraphQL request. Every operation answers with {@code event: next}
 * (an execution result) per result and one {@code event: complete}; the client ends a subscription by closing the
 * connection, which cancels it at the subgraph. As the protocol asks, errors found before execution (parse,
 * validation, document limits, access rules) are sent as a {@code next} event with the errors, not as a 4xx; a
 * malformed request is still HTTP 400, a refused access token 401 (the {@code Authorization} header works as for any
 * HTTP request). Idle streams get a comment line every {@code keepAlive} so proxies keep them open.
 */
public final class GraphQlSseHandler {

    private static final MediaType EVENT_STREAM_UTF8 = MediaType.parseMediaType("text/event-stream;charset=utf-8");
    private static final MediaType JSON_UTF8 = MediaType.parseMediaType("application/json;charset=utf-8");
    private static final byte[] KEEP_ALIVE = ":\n\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] COMPLETE = "event: complete\ndata:\n\n".getBytes(StandardCharsets.UTF_8);

    private final GraphQlPipeline pipeline;
    private final ObjectMapper json;
    private final DocumentLimits documentLimits;
    private final SubscriptionLimits subscriptionLimits;
    private final Duration keepAlive;
    private final int maxQueued;

    /**
     * @param documentLimits checked before the pipeline, or null for none
     * @param keepAlive      how often an idle stream gets a comment line; zero for never
     * @param maxQueued      how many results may wait for a client that does not read them; past it the stream ends
     */
    public GraphQlSseHandler(GraphQlPipeline pipeline, ObjectMapper json, DocumentLimits documentLimits,
                             SubscriptionLimits subscriptionLimits, Duration keepAlive, int maxQueued) {
        this.pipeline = pipeline;
        this.json = json;
        this.documentLimits = documentLimits;
        this.subscriptionLimits = subscriptionLimits;
        this.keepAlive = keepAlive;
        this.maxQueued = maxQueued;
    }

    /** Whether the request asks for an event stream by name ({@code text/event-stream}, not through a wildcard). */
    public static boolean wantsEventStream(ServerRequest request) {
        try {
            return MediaType.parseMediaTypes(request.headers().header(HttpHeaders.ACCEPT)).stream()
                    .anyMatch(type -> type.getQualityValue() > 0 && MediaType.TEXT_EVENT_STREAM.equalsTypeAndSubtype(type));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    public Mono<ServerResponse> post(ServerRequest request) {
        MediaType contentType = request.headers().contentType().orElse(null);
        if (contentType == null || !contentType.isCompatibleWith(MediaType.APPLICATION_JSON)) {
            return json(HttpStatus.UNSUPPORTED_MEDIA_TYPE, errorBody("Send the request as application/json",
                    ErrorCode.BAD_REQUEST), false);
        }
        return request.bodyToMono(byte[].class).defaultIfEmpty(new byte[0]).flatMap(bytes -> {
            GraphQlRequest graphQlRequest;
            try {
                graphQlRequest = GraphQlRequestReader.fromBody(json.readTree(bytes));
            } catch (RuntimeException e) {
                return json(HttpStatus.BAD_REQUEST, errorBody(e instanceof GraphQlRequestReader.Malformed
                        ? e.getMessage() : "The request body is not valid JSON", ErrorCode.BAD_REQUEST), false);
            }
            List<ObjectNode> refused = documentLimits == null ? List.of() : documentLimits.check(graphQlRequest.query());
            if (!refused.isEmpty()) {
                ObjectNode body = JsonNodeFactory.instance.objectNode();
                refused.forEach(error -> body.withArray("errors").add(error.deepCopy()));
                return stream(request, Flux.just(body));
            }
            var options = new GraphQlPipeline.Options(request.headers().firstHeader(HttpHeaders.AUTHORIZATION), true,
                    false, Forwarding.of(request));
            return pipeline.stream(graphQlRequest, options).flatMap(outcome -> switch (outcome) {
                case StreamedOutcome.Single single -> single(request, single.outcome());
                case StreamedOutcome.Stream events -> subscription(request, events);
            });
        });
    }

    private Mono<ServerResponse> single(ServerRequest request, GraphQlOutcome outcome) {
        return switch (outcome.kind()) {
            case EXECUTED, DOCUMENT_ERROR, NOT_ALLOWED -> stream(request, Flux.just(outcome.body()));
            case REQUEST_ERROR -> json(HttpStatus.BAD_REQUEST, outcome.body(), false);
            case UNAUTHENTICATED -> json(HttpStatus.UNAUTHORIZED, outcome.body(), true);
            case UNAVAILABLE -> json(HttpStatus.SERVICE_UNAVAILABLE, outcome.body(), false);
        };
    }

    /**
     * A subscription's stream, within the user's cap: the lease is taken when the response body is subscribed to (a
     * client gone before that takes none) and given back when the stream ends, however it ends.
     */
    private Mono<ServerResponse> subscription(ServerRequest request, StreamedOutcome.Stream stream) {
        String userId = stream.credentials() instanceof Credentials.Verified(var viewer)
                ? String.valueOf(viewer.userId()) : null;
        Flux<ObjectNode> results = Flux.defer(() -> {
            SubscriptionLimits.Lease lease = subscriptionLimits.lease(userId);
            if (lease == null) {
                ObjectNode body = JsonNodeFactory.instance.objectNode();
                body.putArray("errors").add(subscriptionLimits.tooManyForUser());
                return Flux.just(body);
            }
            return stream.events().map(event -> switch (event) {
                case SubscriptionEvent.Next next -> next.payload();
                case SubscriptionEvent.Failed failed -> {
                    ObjectNode body = JsonNodeFactory.instance.objectNode();
                    failed.errors().forEach(body.putArray("errors")::add);
                    yield body;
                }
            }).doFinally(signal -> lease.close());
        });
        return stream(request, results);
    }

    /** 200 with the results as {@code next} events, then {@code complete}; keep-alive comments while it is quiet. */
    private Mono<ServerResponse> stream(ServerRequest request, Flux<ObjectNode> results) {
        DataBufferFactory buffers = request.exchange().getResponse().bufferFactory();
        Flux<byte[]> events = results.onBackpressureBuffer(maxQueued) // a stalled reader ends its stream
                .map(this::next).concatWith(Mono.just(COMPLETE));
        Flux<byte[]> withKeepAlive = keepAlive.isZero() ? events : events.publish(shared -> Flux.merge(shared,
                Flux.interval(keepAlive).map(tick -> KEEP_ALIVE).takeUntilOther(shared.ignoreElements()
                        .then(Mono.just(0)))));
        Flux<Mono<DataBuffer>> body = ConnectionThread.deliverOnConnectionLoop(request, withKeepAlive)
                .map(bytes -> Mono.just(buffers.wrap(bytes)));
        BodyInserter<Flux<Mono<DataBuffer>>, ReactiveHttpOutputMessage> inserter =
                (message, context) -> message.writeAndFlushWith(body);
        return ServerResponse.ok().contentType(EVENT_STREAM_UTF8)
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .header("X-Accel-Buffering", "no") // nginx: do not buffer the stream
                .body(inserter);
    }

    private byte[] next(ObjectNode result) {
        byte[] data = json.writeValueAsBytes(result); // one line: the mapper does not indent
        byte[] head = "event: next\ndata: ".getBytes(StandardCharsets.UTF_8);
        byte[] event = new byte[head.length + data.length + 2];
        System.arraycopy(head, 0, event, 0, head.length);
        System.arraycopy(data, 0, event, head.length, data.length);
        event[event.length - 2] = '\n';
        event[event.length - 1] = '\n';
        return event;
    }

    private Mono<ServerResponse> json(HttpStatus status, ObjectNode body, boolean invalidToken) {
        ServerResponse.BodyBuilder builder = ServerResponse.status(status).contentType(JSON_UTF8);
        if (invalidToken) { // RFC 6750 section 3
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        }
        return builder.bodyValue(json.writeValueAsBytes(body));
    }

    private static ObjectNode errorBody(String message, ErrorCode code) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putArray("errors").add(GraphQlErrors.error(message, code));
        return body;
    }
}
