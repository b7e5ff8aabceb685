package com.ventusvault.payments.graphql;

import com.ventusvault.platform.errors.ApiException;
import com.ventusvault.platform.security.Viewer;
import com.ventusvault.platform.security.ViewerArgumentResolver;
import graphql.GraphQLContext;

/**
 * The viewer for {@code @EntityMapping} methods, which the platform's {@code Viewer} parameter resolver does not
 * reach (federation invokes them with its own resolvers): UNAUTHENTICATED without a valid token.
 */
final class SignedIn {

    private SignedIn() {
    }

    static Viewer viewer(GraphQLContext context) {
        return ViewerArgumentResolver.current(context).orElseThrow(ApiException::unauthenticated);
    }
}
