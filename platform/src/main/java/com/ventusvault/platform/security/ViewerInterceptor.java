package com.ventusvault.platform.security;

import com.ventusvault.platform.errors.ApiException;
import com.ventusvault.platform.errors.ErrorCode;
import com.ventusvault.platform.security.AccessTokenVerifier.InvalidTokenException;
import com.ventusvault.platform.security.AccessTokenVerifier.KeysUnavailableException;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Mono;

/**
 * Reads {@code Authorization: Bearer <token>}, verifies it, and puts the outcome in the GraphQL context: a
 * {@link Viewer} for a good token, the error to raise for a bad one (or when the keys to judge it are unavailable). Requests without a token still run; fields
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
                .onErrorResume(InvalidTokenException.class, e -> withRefusal(request, chain, e.getMessage()))
                .onErrorResume(KeysUnavailableException.class, e -> withFailure(request, chain,
                        new ApiException(ErrorCode.INTERNAL, "Access tokens cannot be verified right now; retry shortly")));
    }

    private static Mono<WebGraphQlResponse> withRefusal(WebGraphQlRequest request, Chain chain, String reason) {
        return withFailure(request, chain,
                new ApiException(ErrorCode.UNAUTHENTICATED, "The access token was refused: " + reason));
    }

    private static Mono<WebGraphQlResponse> withFailure(WebGraphQlRequest request, Chain chain, ApiException failure) {
        request.configureExecutionInput((input, builder) ->
                builder.graphQLContext(context -> context.put(REFUSAL_KEY, failure)).build());
        return chain.next(request);
    }
}
