package com.ventusvault.accounts.graphql;

import com.ventusvault.accounts.domain.User;
import com.ventusvault.accounts.domain.UserId;
import com.ventusvault.accounts.persistence.UserRepository;
import com.ventusvault.platform.errors.ApiException;
import com.ventusvault.platform.security.Viewer;
import com.ventusvault.platform.security.ViewerArgumentResolver;
import graphql.schema.DataFetchingEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.graphql.data.federation.EntityMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** The {@code User} entity: {@code me}, and {@code _entities} lookups by id for the other subgraphs. */
@Controller
class UserController {

    private final UserRepository users;

    UserController(UserRepository users) {
        this.users = users;
    }

    /** The signed-in user; UNAUTHENTICATED without a valid token (the {@link Viewer} parameter sees to that). */
    @QueryMapping
    Mono<User> me(Viewer viewer) {
        return users.findById(new UserId(viewer.userId()));
    }

    /**
     * Resolves {@code User} representations in one query, answering in representation order with null for ids no
     * user has. Any signed-in caller may resolve any user (payments shows a wallet's owner), so the check is only
     * that there is a viewer. {@code @EntityMapping} methods do not get the app's custom argument resolvers, hence
     * the viewer is read from the GraphQL context here.
     */
    @EntityMapping
    Mono<List<User>> user(List<Map<String, Object>> representations, DataFetchingEnvironment environment) {
        if (ViewerArgumentResolver.current(environment.getGraphQlContext()).isEmpty()) {
            return Mono.error(ApiException.unauthenticated());
        }
        List<Optional<UserId>> ids = representations.stream()
                .map(representation -> UserId.parse(String.valueOf(representation.get("id"))))
                .toList();
        List<UserId> known = ids.stream().flatMap(Optional::stream).toList();
        return users.findAllById(known)
                .collectMap(User::id, Function.identity())
                .map(found -> {
                    List<User> ordered = new ArrayList<>(ids.size());
                    ids.forEach(id -> ordered.add(id.map(found::get).orElse(null)));
                    return ordered;
                });
    }

    @SchemaMapping(typeName = "User", field = "id")
    String id(User user) {
        return user.id().value().toString();
    }
}
