package com.ventusvault.platform.requests;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.UUID;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Mono;

/**
 * Puts the {@link RequestFacts} of each GraphQL request into its GraphQL context. {@code X-Forwarded-For} is believed
 * only from a trusted proxy ({@code ventus.http.trusted-proxies}); its last entry that is not itself a trusted proxy is
 * the client, so a client cannot pick its own IP by sending the header. A request id longer than 128 characters or
 * with characters outside {@code [A-Za-z0-9._:-]} is replaced by a fresh one (it goes into logs and the audit log).
 * <p>
 * Over a WebSocket (graphql-transport-ws) the gateway sends the request id in {@code connection_init}'s payload
 * ({@code {"X-Request-Id": "<id>"}}, key in any case), not as a header: every operation on the connection then carries
 * it (see {@link #keepConnectionRequestId}); the upgrade request's header, then a fresh id, when there is none.
 */
public class RequestFactsInterceptor implements WebGraphQlInterceptor {

    private static final java.util.regex.Pattern SAFE_ID = java.util.regex.Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    /** Where a WebSocket connection keeps the request id of its {@code connection_init}. */
    private static final String CONNECTION_REQUEST_ID = RequestFactsInterceptor.class.getName() + ".requestId";

    private final TrustedProxies trustedProxies;

    public RequestFactsInterceptor(TrustedProxies trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        HttpHeaders headers = request.getHeaders();
        String requestId = request instanceof WebSocketGraphQlRequest socket
                && socket.getSessionInfo().getAttributes().get(CONNECTION_REQUEST_ID) instanceof String fromInit
                ? fromInit : headers.getFirst(RequestFacts.REQUEST_ID_HEADER);
        if (requestId == null || !SAFE_ID.matcher(requestId).matches()) {
            requestId = UUID.randomUUID().toString();
        }
        InetSocketAddress remote = request.getRemoteAddress();
        InetAddress peer = remote == null ? null : remote.getAddress();
        String clientIp = trustedProxies.clientIp(peer, headers.getValuesAsList("X-Forwarded-For"));
        RequestFacts facts = new RequestFacts(requestId, clientIp, headers.getFirst(HttpHeaders.USER_AGENT));
        request.configureExecutionInput((input, builder) ->
                builder.graphQLContext(context -> context.put(RequestFacts.class, facts)).build());
        return chain.next(request).doOnNext(response ->
                response.getResponseHeaders().set(RequestFacts.REQUEST_ID_HEADER, facts.requestId()));
    }

    /**
     * Keeps the {@code X-Request-Id} of a {@code connection_init} payload (key in any case; a safe value only) for every
     * operation on the connection. Called by the app's WebSocket interceptor (spring-graphql takes only one
     * {@code WebSocketGraphQlInterceptor}: the platform's {@code ViewerInterceptor}).
     */
    public static void keepConnectionRequestId(WebSocketSessionInfo session, Map<String, Object> payload) {
        for (Map.Entry<String, Object> entry : payload.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(RequestFacts.REQUEST_ID_HEADER) && entry.getValue() instanceof String id
                    && SAFE_ID.matcher(id).matches()) {
                session.getAttributes().put(CONNECTION_REQUEST_ID, id);
            }
        }
    }
}
