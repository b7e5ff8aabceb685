package com.ventusvault.gateway.transport.http;

import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Gives every request an id: the client's {@code X-Request-Id} when it is well formed (1 to 128 of
 * {@code A-Z a-z 0-9 . _ : -}, the rule the subgraphs apply too), otherwise a random UUID. The id is echoed in the
 * response's {@code X-Request-Id} (every response, errors included) and sent to every subgraph the request reaches, so
 * one id names the request in every log and audit entry.
 */
public final class RequestIdFilter implements WebFilter {

    public static final String HEADER = "X-Request-Id";
    /** Exchange attribute holding the request's id (a String). */
    public static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    /**
     * A version 4 UUID from {@link ThreadLocalRandom}: a request id only has to be unique, not unguessable, and
     * {@code UUID.randomUUID()} draws from one shared {@code SecureRandom}, a point of contention on every request.
     */
    private static String randomId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new UUID(high, low).toString();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String sent = exchange.getRequest().getHeaders().getFirst(HEADER);
        String id = sent != null && WELL_FORMED.matcher(sent).matches() ? sent : randomId();
        exchange.getAttributes().put(ATTRIBUTE, id);
        exchange.getResponse().getHeaders().set(HEADER, id);
        return chain.filter(exchange);
    }
}
