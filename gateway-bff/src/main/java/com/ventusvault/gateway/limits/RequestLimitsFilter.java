package com.ventusvault.gateway.limits;

import com.ventusvault.gateway.errors.ErrorCode;
import com.ventusvault.gateway.errors.GraphQlErrors;
import com.ventusvault.platform.requests.TrustedProxies;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The transport half of the limits stage, in front of {@code /graphql}: the rate limit (every response gets
 * {@code X-RateLimit-Limit} and {@code X-RateLimit-Remaining}; a refused request gets 429, {@code Retry-After} and
 * {@code RATE_LIMITED}), then CSRF prevention (400, {@code CSRF_ERROR}), then the request size (413,
 * {@code REQUEST_TOO_LARGE}, from {@code Content-Length} at once, or while a chunked body streams in). All of it
 * happens before the body is parsed. The document half is {@link DocumentLimits}.
 * <p>
 * A WebSocket upgrade ({@code GET} with {@code Upgrade: websocket}) is charged to the buckets like any request, but
 * is exempt from the header-based CSRF rule (a browser cannot set headers on it): its {@code Origin} is checked instead
 * ({@link OriginPolicy}; HTTP 403, {@code CSRF_ERROR}, before the upgrade). The client's IP, as the buckets see it, is
 * left in the exchange attribute {@link #CLIENT_IP} for the transports that charge later operations to it.
 */
public final class RequestLimitsFilter implements WebFilter {

    /** Exchange attribute: the client's IP address as the rate limit sees it (a String). */
    public static final String CLIENT_IP = RequestLimitsFilter.class.getName() + ".clientIp";

    static final String LIMIT_HEADER = "X-RateLimit-Limit";
    static final String REMAINING_HEADER = "X-RateLimit-Remaining";

    private static final MediaType GRAPHQL_RESPONSE = MediaType.parseMediaType("application/graphql-response+json");
    private static final MediaType JSON_UTF8 = MediaType.parseMediaType("application/json;charset=utf-8");

    private final String path;
    private final RateLimiter rateLimiter;
    private final TrustedProxies trustedProxies;
    private final TokenSubject subjects;
    private final CsrfPolicy csrf;
    private final OriginPolicy origins;
    private final long maxRequestBytes;
    private final ObjectMapper json;

    /**
     * @param path        the GraphQL endpoint's path ({@code /graphql}); other paths pass untouched
     * @param rateLimiter the buckets, or null when rate limiting is off
     * @param properties  the limits' settings
     */
    public RequestLimitsFilter(String path, RateLimiter rateLimiter, LimitsProperties properties, ObjectMapper json) {
        this.path = path;
        this.rateLimiter = rateLimiter;
        this.trustedProxies = TrustedProxies.of(properties.trustedProxies());
        this.subjects = new TokenSubject(json);
        this.csrf = properties.csrf().enabled() ? new CsrfPolicy(properties.csrf().requiredHeaders()) : null;
        this.origins = properties.csrf().enabled() ? new OriginPolicy(properties.csrf().allowedOrigins()) : null;
        this.maxRequestBytes = properties.maxRequestSize().toBytes();
        this.json = json;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!path.equals(request.getPath().pathWithinApplication().value())
                || request.getMethod() == HttpMethod.OPTIONS) {
            return chain.filter(exchange);
        }
        HttpHeaders headers = request.getHeaders();
        InetSocketAddress remote = request.getRemoteAddress();
        String resolved = trustedProxies.clientIp(remote == null ? null : remote.getAddress(),
                headers.getValuesAsList("X-Forwarded-For"));
        String ip = resolved == null ? "unknown" : resolved; // requests without a peer share one bucket
        exchange.getAttributes().put(CLIENT_IP, ip);
        if (rateLimiter != null) {
            RateDecision decision = rateLimiter.admit(ip, subjects.bucketKey(headers.getFirst(HttpHeaders.AUTHORIZATION)));
            HttpHeaders out = exchange.getResponse().getHeaders();
            out.set(LIMIT_HEADER, Long.toString(decision.limit()));
            out.set(REMAINING_HEADER, Long.toString(decision.remaining()));
            if (!decision.allowed()) {
                out.set(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
                ObjectNode error = GraphQlErrors.error("Too many requests: retry in " + decision.retryAfterSeconds()
                        + " s", ErrorCode.RATE_LIMITED);
                ((ObjectNode) error.get("extensions")).put("retryAfter", decision.retryAfterSeconds());
                return refuse(exchange, HttpStatus.TOO_MANY_REQUESTS, error);
            }
        }
        if (isWebSocketUpgrade(request)) {
            String origin = headers.getOrigin();
            if (origins != null && !origins.allows(origin, headers.getFirst(HttpHeaders.HOST))) {
                return refuse(exchange, HttpStatus.FORBIDDEN, GraphQlErrors.error("WebSocket connections from origin '"
                        + origin + "' are not allowed", ErrorCode.CSRF_ERROR));
            }
            return chain.filter(exchange);
        }
        if (csrf != null && !csrf.allows(headers)) {
            return refuse(exchange, HttpStatus.BAD_REQUEST, GraphQlErrors.error(csrf.message(), ErrorCode.CSRF_ERROR));
        }
        if (headers.getContentLength() > maxRequestBytes) {
            return tooLarge(exchange);
        }
        ServerWebExchange limited = exchange.mutate().request(new SizeLimitedRequest(request, maxRequestBytes)).build();
        return chain.filter(limited).onErrorResume(e -> e instanceof DataBufferLimitException
                && !exchange.getResponse().isCommitted(), e -> tooLarge(exchange));
    }

    private static boolean isWebSocketUpgrade(ServerHttpRequest request) {
        return request.getMethod() == HttpMethod.GET
                && "websocket".equalsIgnoreCase(request.getHeaders().getUpgrade());
    }

    private Mono<Void> tooLarge(ServerWebExchange exchange) {
        return refuse(exchange, HttpStatus.CONTENT_TOO_LARGE, GraphQlErrors.error("The request body is larger than "
                + maxRequestBytes + " bytes", ErrorCode.REQUEST_TOO_LARGE));
    }

    private Mono<Void> refuse(ServerWebExchange exchange, HttpStatus status, ObjectNode error) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putArray("errors").add(error);
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(responseType(exchange.getRequest().getHeaders()));
        DataBuffer buffer = response.bufferFactory().wrap(json.writeValueAsBytes(body));
        return response.writeWith(Mono.just(buffer));
    }

    /** application/graphql-response+json when the client names it, else application/json. */
    private static MediaType responseType(HttpHeaders headers) {
        try {
            for (MediaType type : headers.getAccept()) {
                if (type.getQualityValue() > 0 && GRAPHQL_RESPONSE.equalsTypeAndSubtype(type)) {
                    return MediaType.parseMediaType("application/graphql-response+json;charset=utf-8");
                }
            }
        } catch (RuntimeException e) {
            // an unreadable Accept header: answer JSON
        }
        return JSON_UTF8;
    }

    /** A request whose body fails with {@link DataBufferLimitException} once more than the limit has arrived. */
    private static final class SizeLimitedRequest extends ServerHttpRequestDecorator {

        private final long max;

        SizeLimitedRequest(ServerHttpRequest delegate, long max) {
            super(delegate);
            this.max = max;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            AtomicLong seen = new AtomicLong();
            return super.getBody().handle((buffer, sink) -> {
                if (seen.addAndGet(buffer.readableByteCount()) > max) {
                    org.springframework.core.io.buffer.DataBufferUtils.release(buffer);
                    sink.error(new DataBufferLimitException("Request body over " + max + " bytes"));
                } else {
                    sink.next(buffer);
                }
            });
        }
    }
}
