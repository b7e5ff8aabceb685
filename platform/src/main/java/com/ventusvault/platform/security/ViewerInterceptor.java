package com.ventusvault.platform.security;

import com.ventusvault.platform.errors.ApiException;
import com.ventusvault.platform.errors.ErrorCode;
import com.ventusvault.platform.requests.RequestFactsInterceptor;
import com.ventusvault.platform.security.AccessTokenVerifier.InvalidTokenException;
import com.ventusvault.platform.security.AccessTokenVerifier.KeysUnavailableException;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.util.Map;
import java.util.function.Consumer;
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
 * (spring-graphql closes it with 4401 Unauthorized); a connection without one is anonymous. When the keys cannot be had
 * at {@code connection_init} (our failure, not the client's), the connection is accepted and the token is judged again
 * for each operation, exactly as for an HTTP request, until it is judged. spring-graphql takes one
 * {@code WebSocketGraphQlInterceptor} per app, so this one also hands the payload's {@code X-Request-Id} to
 * {@link RequestFactsInterceptor}.
 */
public class ViewerInterceptor implements WebSocketGraphQlInterceptor {

    static final String REFUSAL_KEY = ViewerInterceptor.class.getName() + ".refusal";
    /** Where a WebSocket connection keeps the viewer its {@code connection_init} proved. */
    private static final String SESSION_VIEWER = ViewerInterceptor.class.getName() + ".viewer";
    /** Where a WebSocket connection keeps a token that could not be judged at {@code connection_init}. */
    private static final String SESSION_UNJUDGED_TOKEN = ViewerInterceptor.class.getName() + ".unjudgedToken";

    private final AccessTokenVerifier verifier;

    public ViewerInterceptor(AccessTokenVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo session, Map<String, Object> payload) {
        RequestFactsInterceptor.keepConnectionRequestId(session, payload);
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
        String token = header.substring(7).strip();
        return verifier.verify(token)
                .doOnNext(viewer -> session.getAttributes().put(SESSION_VIEWER, viewer))
                .onErrorResume(KeysUnavailableException.class, e -> {
                    session.getAttributes().put(SESSION_UNJUDGED_TOKEN, token);
                    return Mono.empty();
                })
                .then(Mono.empty());
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (request instanceof WebSocketGraphQlRequest socket) {
            Map<String, Object> connection = socket.getSessionInfo().getAttributes();
            if (connection.get(SESSION_VIEWER) instanceof Viewer viewer) {
                request.configureExecutionInput((input, builder) ->
                        builder.graphQLContext(context -> context.put(Viewer.class, viewer)).build());
                return chain.next(request);
            }
            if (connection.get(SESSION_UNJUDGED_TOKEN) instanceof String token) {
                return judged(request, chain, token, viewer -> {
                    connection.put(SESSION_VIEWER, viewer);
                    connection.remove(SESSION_UNJUDGED_TOKEN);
                });
            }
        }
        String header = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            return chain.next(request);
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return withRefusal(request, "the Authorization header must be 'Bearer <accessToken>'");
        }
        return judged(request, chain, header.substring(7).strip(), viewer -> {
        });
    }

    /** Runs the request as the token's viewer; refused (one UNAUTHENTICATED error) or INTERNAL when keys are missing. */
    private Mono<WebGraphQlResponse> judged(WebGraphQlRequest request, Chain chain, String token,
                                            Consumer<Viewer> onVerified) {
        return verifier.verify(token)
                .flatMap(viewer -> {
                    onVerified.accept(viewer);
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
