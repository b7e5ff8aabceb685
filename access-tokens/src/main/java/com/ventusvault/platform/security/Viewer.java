package com.ventusvault.platform.security;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The signed-in user a request acts for, taken from a verified access token. Resolvers take it as a method argument:
 * {@code Viewer} (the field needs a signed-in user) or {@code Optional<Viewer>}.
 *
 * @param scopes the token's {@code scope} claim (RFC 9068: space-separated), which the gateway checks against
 *               {@code @requiresScopes}; empty when the token has none
 */
public record Viewer(UUID userId, String email, List<String> roles, Set<String> scopes) {

    public Viewer {
        roles = List.copyOf(roles);
        scopes = Set.copyOf(scopes);
    }

    /** A viewer whose token grants no scopes. */
    public Viewer(UUID userId, String email, List<String> roles) {
        this(userId, email, roles, Set.of());
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
