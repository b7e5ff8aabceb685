package com.ventusvault.markets.graphql;

import com.ventusvault.platform.errors.ApiException;
import com.ventusvault.platform.errors.ErrorCode;
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
 * The error model (see the platform's ApiExceptionResolver) for failures in {@code @EntityMapping} methods too.
 * The {@code _entities} fetcher consults only {@code @GraphQlExceptionHandler}s, not the platform's resolver, so
 * without this an {@link ApiException} there would lose its {@code extensions.code} and any other exception would
 * reach the client with its raw message. Controller methods get the same treatment, so the two paths agree.
 */
@ControllerAdvice
class ApiErrorAdvice {

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
