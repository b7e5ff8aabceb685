package com.ventusvault.accounts.tokens;

import com.ventusvault.accounts.domain.Role;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The OAuth scopes an access token grants for the user's roles (its {@code scope} claim, RFC 9068: space-separated),
 * which the gateway checks against {@code @requiresScopes} in the supergraph. CUSTOMER grants none: customers reach
 * only their own data, which the subgraphs check by ownership, not by scope.
 */
final class RoleScopes {

    private static final List<String> SUPPORT = List.of("users:read", "kyc:write", "ledger:read");

    private static final Map<Role, List<String>> GRANTED = Map.of(
            Role.CUSTOMER, List.of(),
            Role.SUPPORT, SUPPORT,
            Role.ADMIN, concat(SUPPORT, List.of("roles:write", "audit:read")));

    private RoleScopes() {
    }

    /** The scope claim for these roles, or null when they grant no scope (the claim is then left out). */
    static String claimFor(Collection<Role> roles) {
        Set<String> scopes = new LinkedHashSet<>();
        for (Role role : Role.values()) { // a fixed order, whatever order the roles are stored in
            if (roles.contains(role)) {
                scopes.addAll(GRANTED.getOrDefault(role, List.of()));
            }
        }
        return scopes.isEmpty() ? null : String.join(" ", scopes);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }
}
