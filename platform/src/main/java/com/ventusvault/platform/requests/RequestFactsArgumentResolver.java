package com.ventusvault.platform.requests;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import java.util.UUID;
import org.springframework.core.MethodParameter;
import org.springframework.graphql.data.method.HandlerMethodArgumentResolver;

/** Resolves a {@code RequestFacts} resolver parameter from the GraphQL context ({@link RequestFactsInterceptor}). */
public class RequestFactsArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == RequestFacts.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, DataFetchingEnvironment environment) {
        return of(environment.getGraphQlContext());
    }

    /** The request's facts; for a request that did not pass the interceptor (none in practice), a fresh request id. */
    public static RequestFacts of(GraphQLContext context) {
        RequestFacts facts = context.get(RequestFacts.class);
        return facts != null ? facts : new RequestFacts(UUID.randomUUID().toString(), null, null);
    }
}
