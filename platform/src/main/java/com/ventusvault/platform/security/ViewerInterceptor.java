package com.ventusvault.platform.security;

import com.ventusvault.platform.security.AccessTokenVerifier.InvalidTokenException;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Mono;

/**
 * Reads {@code Authorization: Bearer <token>}, verifies it, and puts the outcome in the GraphQL context: a
 * {@link Viewer} for a good token, the refusal reason for a bad one. Requests without a token still run; fields
 * that need a user fail on their own (see {@link ViewerArgumentResolver}), so public fields keep working.
 */
public class ViewerInterceptor implements WebGraphQlInterceptor {

    static final String REFUSAL_KEY = ViewerInterceptor.class.getName() + ".refusal";

    private final AccessTokenVerifier verifier;

    public ViewerInterceptor(AccessTokenVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        String header = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            return chain.next(request);
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return withRefusal(request, chain, "the Authorization header must be 'Bearer <accessToken>'");
        }
        return verifier.verify(header.substring(7).strip())
                .flatMap(viewer -> {
                    request.configureExecutionInput((input, builder) ->
                            builder.graphQLContext(context -> context.put(Viewer.class, viewer)).build());
                    return chain.next(request);
                })
                .onErrorResume(InvalidTokenException.class, e -> withRefusal(request, chain, e.getMessage()));
    }

    private static Mono<WebGraphQlResponse> withRefusal(WebGraphQlRequest request, Chain chain, String reason) {
        request.configureExecutionInput((input, builder) ->
                builder.graphQLContext(context -> context.put(REFUSAL_KEY, reason)).build());
        return chain.next(request);
    }
}
