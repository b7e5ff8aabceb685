package com.ventusvault.payments.graphql;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Keeps the caller's {@code Authorization} header in the GraphQL context under {@link #KEY}, so calls payments
 * makes to accounts on the caller's behalf (the email lookup) carry the caller's identity, not payments' own.
 */
@Component
public class AuthorizationForwarding implements WebGraphQlInterceptor {

    /** Context key of the raw header value. */
    public static final String KEY = "com.ventusvault.payments.authorization";

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        String header = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header != null) {
            request.configureExecutionInput((input, builder) ->
                    builder.graphQLContext(context -> context.put(KEY, header)).build());
        }
        return chain.next(request);
    }
}
