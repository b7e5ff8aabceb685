package com.ventusvault.platform.requests;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.UUID;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Mono;

/**
 * Puts the {@link RequestFacts} of each GraphQL request into its GraphQL context. {@code X-Forwarded-For} is believed
 * only from a trusted proxy ({@code ventus.http.trusted-proxies}); its last entry that is not itself a trusted proxy is
 * the client, so a client cannot pick its own IP by sending the header. A request id longer than 128 characters or
 * with characters outside {@code [A-Za-z0-9._:-]} is replaced by a fresh one (it goes into logs and the audit log).
 */
public class RequestFactsInterceptor implements WebGraphQlInterceptor {

    private static final java.util.regex.Pattern SAFE_ID = java.util.regex.Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final TrustedProxies trustedProxies;

    public RequestFactsInterceptor(TrustedProxies trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        HttpHeaders headers = request.getHeaders();
        String requestId = headers.getFirst(RequestFacts.REQUEST_ID_HEADER);
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
}
