package com.ventusvault.platform.errors;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * Turns exceptions thrown by any controller method of a subgraph, {@code @EntityMapping}s included, into GraphQL errors
 * with {@code extensions.code}. {@link ApiException}s keep their message (and {@code extensions.field}); anything else
 * becomes {@link ErrorCode#INTERNAL} with a reference id the logs share, and never leaks its message.
 *
 * <p>An advice rather than a {@code DataFetcherExceptionResolver}: spring-graphql's {@code _entities} fetcher consults
 * only {@code @GraphQlExceptionHandler}s, so a resolver would miss every failure in an entity lookup.
 */
@ControllerAdvice
public class ApiErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorAdvice.class);

    @GraphQlExceptionHandler
    GraphQLError handle(ApiException exception, DataFetchingEnvironment environment) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", exception.code().name());
        if (!exception.field().isEmpty()) {
            extensions.put("field", exception.field());
        }
        return GraphqlErrorBuilder.newError(environment).message(exception.getMessage()).extensions(extensions).build();
    }

    @GraphQlExceptionHandler
    GraphQLError handleUnexpected(RuntimeException exception, DataFetchingEnvironment environment) {
        String reference = UUID.randomUUID().toString();
        log.error("Unexpected failure resolving {} (reference {})", environment.getExecutionStepInfo().getPath(), reference,
                exception);
        return GraphqlErrorBuilder.newError(environment).message("Internal error (reference " + reference + ")")
                .extensions(Map.of("code", ErrorCode.INTERNAL.name(), "reference", reference)).build();
    }
}
