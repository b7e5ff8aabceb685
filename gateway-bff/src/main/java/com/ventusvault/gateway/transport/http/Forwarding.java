package com.ventusvault.gateway.transport.http;

import com.ventusvault.gateway.execution.ForwardedHeaders;
import org.springframework.web.reactive.function.server.ServerRequest;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * What every transport tells the subgraphs about a client's request: the request id ({@link RequestIdFilter}) and the
 * {@code X-Forwarded-For} chain to send on: the chain the request arrived with plus the address it came from. The
 * gateway does not judge the chain; each subgraph believes it only as far as its trusted proxies reach
 * ({@code ventus.http.trusted-proxies}).
 */
public final class Forwarding {

    /** The header carrying the chain of client addresses. */
    public static final String FORWARDED_FOR = "X-Forwarded-For";

    private Forwarding() {
    }

    /** What to forward for an HTTP request (its id from {@link RequestIdFilter}). */
    public static ForwardedHeaders of(ServerRequest http) {
        String requestId = http.attribute(RequestIdFilter.ATTRIBUTE).map(String.class::cast).orElse(null);
        return of(requestId, http.headers().header(FORWARDED_FOR), http.remoteAddress().orElse(null));
    }

    /**
     * @param requestId    the id {@link RequestIdFilter} gave the request (or the WebSocket upgrade), or null
     * @param forwardedFor the request's {@code X-Forwarded-For} header values
     * @param peer         the address the request came from, or null
     */
    public static ForwardedHeaders of(String requestId, List<String> forwardedFor, InetSocketAddress peer) {
        List<String> chain = new ArrayList<>(forwardedFor);
        String address = peer == null || peer.getAddress() == null ? null : peer.getAddress().getHostAddress();
        if (address != null) {
            chain.add(address);
        }
        return new ForwardedHeaders(requestId, chain.isEmpty() ? null : String.join(", ", chain));
    }
}
