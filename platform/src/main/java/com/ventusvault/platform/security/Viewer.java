package com.ventusvault.platform.security;

import java.util.List;
import java.util.UUID;

/**
 * The signed-in user a request acts for, taken from a verified access token. Resolvers take it as a method argument:
 * {@code Viewer} (the field needs a signed-in user) or {@code Optional<Viewer>}.
 */
public record Viewer(UUID userId, String email, List<String> roles) {

    public Viewer {
        roles = List.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
