package com.ventusvault.platform.security;

import com.ventusvault.platform.errors.ApiException;
import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import java.util.Optional;
import org.springframework.core.MethodParameter;
import org.springframework.graphql.data.method.HandlerMethodArgumentResolver;

/**
 * Lets a resolver declare who may call it by its parameters: {@code Viewer viewer} needs a signed-in user and fails
 * with UNAUTHENTICATED otherwise; {@code Optional<Viewer>} is for fields that also serve anonymous callers. (A token
 * that was sent but refused never gets this far: {@link ViewerInterceptor} refuses the whole request.)
 */
public class ViewerArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Viewer.class
                || (parameter.getParameterType() == Optional.class && parameter.nested().getNestedParameterType() == Viewer.class);
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, DataFetchingEnvironment environment) {
        GraphQLContext context = environment.getGraphQlContext();
        return parameter.getParameterType() == Optional.class ? current(context) : required(context);
    }

    /**
     * The signed-in viewer, for code that cannot take a {@code Viewer} parameter ({@code @EntityMapping},
     * {@code @BatchMapping}); UNAUTHENTICATED (or why the token was refused) otherwise.
     */
    public static Viewer required(GraphQLContext context) {
        return current(context).orElseThrow(ApiException::unauthenticated);
    }

    /** The viewer if the request carried a valid token, empty if it carried none; a refused token fails. */
    public static Optional<Viewer> current(GraphQLContext context) {
        ApiException refusal = context.get(ViewerInterceptor.REFUSAL_KEY);
        if (refusal != null) {
            // A token that could not be judged (keys unavailable) is never treated as anonymous.
            throw refusal;
        }
        return Optional.ofNullable(context.get(Viewer.class));
    }
}
