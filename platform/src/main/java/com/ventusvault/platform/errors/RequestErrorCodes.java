package com.ventusvault.platform.errors;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import reactor.core.publisher.Mono;

/**
 * Gives {@code extensions.code} to the errors graphql-java raises before any resolver runs: a document that does not
 * parse or validate, or a variable whose value a scalar refuses (a {@code Decimal} of {@code "ten dollars"}). The
 * gateway already validated the document against the same schema, so these are the client's bad input:
 * {@link ErrorCode#BAD_REQUEST}, with graphql-java's message, which names the variable and the reason. Any other
 * uncoded error becomes {@link ErrorCode#INTERNAL} without its message.
 */
public class RequestErrorCodes implements WebGraphQlInterceptor {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).map(response -> {
            List<GraphQLError> errors = response.getExecutionResult().getErrors();
            if (errors.stream().allMatch(RequestErrorCodes::hasCode)) {
                return response;
            }
            return response.transform(builder -> builder.errors(errors.stream().map(RequestErrorCodes::withCode).toList()));
        });
    }

    private static boolean hasCode(GraphQLError error) {
        return error.getExtensions() != null && error.getExtensions().containsKey("code");
    }

    private static GraphQLError withCode(GraphQLError error) {
        if (hasCode(error)) {
            return error;
        }
        ErrorClassification type = error.getErrorType();
        boolean clientError = type == ErrorType.ValidationError || type == ErrorType.InvalidSyntax
                || type == ErrorType.OperationNotSupported;
        Map<String, Object> extensions = new LinkedHashMap<>(error.getExtensions() == null ? Map.of() : error.getExtensions());
        extensions.put("code", (clientError ? ErrorCode.BAD_REQUEST : ErrorCode.INTERNAL).name());
        // An uncoded failure of another kind is ours, and its message may carry internals.
        String message = clientError ? error.getMessage() : "Internal error";
        return GraphqlErrorBuilder.newError().message(message).locations(error.getLocations())
                .path(error.getPath()).errorType(type).extensions(extensions).build();
    }
}
