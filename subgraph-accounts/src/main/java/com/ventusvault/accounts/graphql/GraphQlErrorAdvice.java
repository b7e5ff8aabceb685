package com.ventusvault.accounts.graphql;

import com.ventusvault.platform.errors.ApiException;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * Gives {@link ApiException}s raised in {@code _entities} the same shape as everywhere else ({@code extensions.code},
 * optional {@code extensions.field}): spring-graphql resolves entity-fetch exceptions only through
 * {@code @GraphQlExceptionHandler}s, not through the platform's {@code DataFetcherExceptionResolver}.
 */
@ControllerAdvice
class GraphQlErrorAdvice {

    @GraphQlExceptionHandler
    GraphQLError apiException(ApiException exception, DataFetchingEnvironment environment) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", exception.code().name());
        if (!exception.field().isEmpty()) {
            extensions.put("field", exception.field());
        }
        return GraphqlErrorBuilder.newError(environment).message(exception.getMessage()).extensions(extensions).build();
    }
}
