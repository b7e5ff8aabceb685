package com.ventusvault.ai.graphql;

import com.ventusvault.platform.errors.ApiException;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * Gives {@link ApiException}s thrown from {@code @EntityMapping} methods their {@code extensions.code}. The
 * {@code _entities} fetcher only consults {@code @GraphQlExceptionHandler}s, not the platform's exception resolver,
 * so without this an entity failure would reach the client as a bare INTERNAL_ERROR classification.
 */
@ControllerAdvice
class ApiErrorAdvice {

    @GraphQlExceptionHandler
    GraphQLError handle(ApiException exception, DataFetchingEnvironment environment) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", exception.code().name());
        if (!exception.field().isEmpty()) {
            extensions.put("field", exception.field());
        }
        return GraphqlErrorBuilder.newError(environment).message(exception.getMessage()).extensions(extensions).build();
    }
}
