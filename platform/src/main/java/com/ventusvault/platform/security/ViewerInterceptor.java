package com.ventusvault.platform.security;

import com.ventusvault.platform.errors.ApiException;
import com.ventusvault.platform.errors.ErrorCode;
import com.ventusvault.platform.security.AccessTokenVerifier.InvalidTokenException;
import com.ventusvault.platform.security.AccessTokenVerifier.KeysUnavailableException;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.util.Map;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Mono;

/**
 * Reads {@code Authorization: Bearer <token>}, verifies it, and puts the outcome in the GraphQL context: a
 * {@link Viewer} for a good token. Requests without a token still run; fields that need a user fail on their own (see
 * {@link ViewerArgumentResolver}), so public fields keep working.
 * <p>
 * A token that was sent but refused ({@code alg: none}, expired, wrong key, tampered, another issuer or audience, or
 * no {@code Bearer} scheme) refuses the whole request: nothing is executed, not even public fields or
 * {@code _entities}, and the answer is one UNAUTHENTICATED error without data, as the gateway answers (HTTP 401
 * there). So no resolver can forget to look, and a client whose session broke learns it on its next request. When the
 * keys to judge a token cannot be had (our failure), the request runs and every field that needs a user fails with
 * INTERNAL (see {@link ViewerArgumentResolver#current}).
 * <p>
 * Over WebSockets (graphql-transport-ws, subscriptions) the token travels in {@code connection_init}'s payload as
 * {@code {"Authorization": "Bearer <token>"}} (key in any case), as the gateway sends it: it is verified once per
 * connection, and every operation on the connection then runs as that viewer. A refused token refuses the connection
 * (spring-graphql closes it with 4401); a connection without one is anonymous.
 */
public class ViewerInterceptor implements WebSocketGraphQlInterceptor {

    static final String REFUSAL_KEY = ViewerInterceptor.class.getName() + ".refusal";
    /** Where a WebSocket connection keeps the viewer its {@code connection_init} proved. */
    private static final String SESSION_VIEWER = ViewerInterceptor.class.getName() + ".viewer";

    private final AccessTokenVerifier verifier;

    public ViewerInterceptor(AccessTokenVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo session, Map<String, Object> payload) {
        String header = null;
        for (Map.Entry<String, Object> entry : payload.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(HttpHeaders.AUTHORIZATION) && entry.getValue() instanceof String value) {
                header = value;
            }
        }
        if (header == null || header.isBlank()) {
            return Mono.empty();
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Mono.error(new InvalidTokenException("the Authorization value must be 'Bearer <accessToken>'"));
        }
        return verifier.verify(header.substring(7).strip())
                .doOnNext(viewer -> session.getAttributes().put(SESSION_VIEWER, viewer))
                .then(Mono.empty());
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (request instanceof WebSocketGraphQlRequest socket
                && socket.getSessionInfo().getAttributes().get(SESSION_VIEWER) instanceof Viewer viewer) {
            request.configureExecutionInput((input, builder) ->
                    builder.graphQLContext(context -> context.put(Viewer.class, viewer)).build());
            return chain.next(request);
        }
        String header = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            return chain.next(request);
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return withRefusal(request, "the Authorization header must be 'Bearer <accessToken>'");
        }
        return verifier.verify(header.substring(7).strip())
                .flatMap(viewer -> {
                    request.configureExecutionInput((input, builder) ->
                            builder.graphQLContext(context -> context.put(Viewer.class, viewer)).build());
                    return chain.next(request);
                })
                .onErrorResume(InvalidTokenException.class, e -> withRefusal(request, e.getMessage()))
                .onErrorResume(KeysUnavailableException.class, e -> withFailure(request, chain,
                        new ApiException(ErrorCode.INTERNAL, "Access tokens cannot be verified right now; retry shortly")));
    }

    /** One UNAUTHENTICATED error and no data, without executing anything. */
    private static Mono<WebGraphQlResponse> withRefusal(WebGraphQlRequest request, String reason) {
        GraphQLError error = GraphqlErrorBuilder.newError()
                .message("The access token was refused: " + reason)
                .extensions(Map.of("code", ErrorCode.UNAUTHENTICATED.name()))
                .build();
        ExecutionResult result = ExecutionResult.newExecutionResult().addError(error).build();
        return Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result)));
    }

    private static Mono<WebGraphQlResponse> withFailure(WebGraphQlRequest request, Chain chain, ApiException failure) {
        request.configureExecutionInput((input, builder) ->
                builder.graphQLContext(context -> context.put(REFUSAL_KEY, failure)).build());
        return chain.next(request);
    }
}
