package com.ventusvault.platform.errors;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;

/**
 * Turns exceptions thrown by resolvers into GraphQL errors with {@code extensions.code}. {@link ApiException}s keep
 * their message; anything else becomes {@link ErrorCode#INTERNAL} with a reference id the logs share, and never
 * leaks its message to the client.
 */
public class ApiExceptionResolver extends DataFetcherExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionResolver.class);

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        if (ex instanceof ApiException api) {
            extensions.put("code", api.code().name());
            if (!api.field().isEmpty()) {
                extensions.put("field", api.field());
            }
            return GraphqlErrorBuilder.newError(env).message(api.getMessage()).extensions(extensions).build();
        }
        String reference = UUID.randomUUID().toString();
        log.error("Unexpected failure resolving {} (reference {})", env.getExecutionStepInfo().getPath(), reference, ex);
        extensions.put("code", ErrorCode.INTERNAL.name());
        extensions.put("reference", reference);
        return GraphqlErrorBuilder.newError(env).message("Internal error (reference " + reference + ")")
                .extensions(extensions).build();
    }
}
