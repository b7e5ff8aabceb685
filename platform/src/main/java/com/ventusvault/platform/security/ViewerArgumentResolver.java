package com.ventusvault.platform.security;

import com.ventusvault.platform.errors.ApiException;
import com.ventusvault.platform.errors.ErrorCode;
import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import java.util.Optional;
import org.springframework.core.MethodParameter;
import org.springframework.graphql.data.method.HandlerMethodArgumentResolver;

/**
 * Lets a resolver declare who may call it by its parameters: {@code Viewer viewer} needs a signed-in user and fails
 * with UNAUTHENTICATED otherwise; {@code Optional<Viewer>} is for fields that also serve anonymous callers. A token
 * that was sent but refused fails both, with the reason.
 */
public class ViewerArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Viewer.class
                || (parameter.getParameterType() == Optional.class && parameter.nested().getNestedParameterType() == Viewer.class);
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, DataFetchingEnvironment environment) {
        String refusal = environment.getGraphQlContext().get(ViewerInterceptor.REFUSAL_KEY);
        if (refusal != null) {
            // A bad token is never treated as anonymous: the client must learn that its session is broken.
            throw new ApiException(ErrorCode.UNAUTHENTICATED, "The access token was refused: " + refusal);
        }
        Optional<Viewer> viewer = current(environment.getGraphQlContext());
        if (parameter.getParameterType() == Optional.class) {
            return viewer;
        }
        return viewer.orElseThrow(ApiException::unauthenticated);
    }

    /** The viewer of a request, if it carried a valid token. */
    public static Optional<Viewer> current(GraphQLContext context) {
        return Optional.ofNullable(context.get(Viewer.class));
    }
}
