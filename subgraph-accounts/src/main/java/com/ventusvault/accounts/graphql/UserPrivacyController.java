package com.ventusvault.accounts.graphql;

import com.ventusvault.accounts.domain.Address;
import com.ventusvault.accounts.domain.KycStatus;
import com.ventusvault.accounts.domain.Role;
import com.ventusvault.accounts.domain.User;
import com.ventusvault.accounts.sessions.Session;
import com.ventusvault.platform.security.Viewer;
import com.ventusvault.platform.security.ViewerArgumentResolver;
import graphql.GraphQLContext;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * The private fields of {@code User} ({@code email}, {@code phone}, {@code roles}, {@code kycStatus},
 * {@code createdAt}, {@code emailVerified}, {@code address}): their value for the user themself and for staff (role SUPPORT or ADMIN), null for anyone else.
 * {@code id} and {@code displayName} stay public, because payments and the gateway show who a wallet or a payment
 * belongs to through {@code _entities}, to any signed-in caller.
 *
 * <p>Who "the user themself" is comes from the viewer in the GraphQL context (the verified access token), except under
 * {@code Session.user}: {@code register} and {@code login} run without a token, so that field marks its user as the
 * session's own in the GraphQL local context, which graphql-java hands down to the user's fields only. {@code UserPayload.user}
 * does the same when the payload says the caller proved to be the user ({@code verifyEmail}'s token holder).
 */
@Controller
class UserPrivacyController {

    /** Local-context key set under {@code Session.user}: the user the session was just opened for. */
    static final String SESSION_OWNER = UserPrivacyController.class.getName() + ".sessionOwner";

    private static final List<String> STAFF = List.of(Role.SUPPORT.name(), Role.ADMIN.name());

    @SchemaMapping(typeName = "Session", field = "user")
    DataFetcherResult<User> sessionUser(Session session) {
        return DataFetcherResult.<User>newResult().data(session.user())
                .localContext(GraphQLContext.of(Map.of(SESSION_OWNER, session.user().id()))).build();
    }

    @SchemaMapping(typeName = "UserPayload", field = "user")
    DataFetcherResult<User> payloadUser(UserPayload payload) {
        var result = DataFetcherResult.<User>newResult().data(payload.user());
        if (payload.ownedByCaller() && payload.user() != null) {
            result.localContext(GraphQLContext.of(Map.of(SESSION_OWNER, payload.user().id())));
        }
        return result.build();
    }

    @SchemaMapping(typeName = "User", field = "emailVerified")
    Boolean emailVerified(User user, DataFetchingEnvironment environment) {
        return visible(user, environment) ? user.emailVerified() : null;
    }

    @SchemaMapping(typeName = "User", field = "address")
    Address address(User user, DataFetchingEnvironment environment) {
        return visible(user, environment) ? user.address() : null;
    }

    @SchemaMapping(typeName = "User", field = "email")
    String email(User user, DataFetchingEnvironment environment) {
        return visible(user, environment) ? user.email() : null;
    }

    @SchemaMapping(typeName = "User", field = "phone")
    String phone(User user, DataFetchingEnvironment environment) {
        return visible(user, environment) ? user.phone() : null;
    }

    @SchemaMapping(typeName = "User", field = "roles")
    List<Role> roles(User user, DataFetchingEnvironment environment) {
        return visible(user, environment) ? user.roles() : null;
    }

    @SchemaMapping(typeName = "User", field = "kycStatus")
    KycStatus kycStatus(User user, DataFetchingEnvironment environment) {
        return visible(user, environment) ? user.kycStatus() : null;
    }

    @SchemaMapping(typeName = "User", field = "createdAt")
    Instant createdAt(User user, DataFetchingEnvironment environment) {
        return visible(user, environment) ? user.createdAt() : null;
    }

    /** True for the user themself (signed in, or the owner of a session just opened) and for staff. */
    static boolean visible(User user, DataFetchingEnvironment environment) {
        if (environment.getLocalContext() instanceof GraphQLContext local
                && user.id().equals(local.get(SESSION_OWNER))) {
            return true;
        }
        Optional<Viewer> viewer = ViewerArgumentResolver.current(environment.getGraphQlContext());
        return viewer.map(v -> v.userId().equals(user.id().value()) || STAFF.stream().anyMatch(v::hasRole))
                .orElse(false);
    }
}
