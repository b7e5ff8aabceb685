package com.ventusvault.gateway.supergraph;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Who may see a field or a value of a type, from the supergraph's {@code @authenticated} (authenticated/v0.1) and
 * {@code @requiresScopes} (requiresScopes/v0.1) directives.
 *
 * @param authenticated whether the caller must present a valid access token
 * @param scopes        conditions that must all hold; each is a {@code @requiresScopes(scopes:)} argument, met when
 *                      the caller's token grants every scope of at least one of its inner sets. Empty: no scope needed.
 */
public record AccessRequirement(boolean authenticated, List<List<Set<String>>> scopes) {

    /** Anyone may see it. */
    public static final AccessRequirement NONE = new AccessRequirement(false, List.of());

    public AccessRequirement {
        scopes = scopes.stream().map(any -> any.stream().map(Set::copyOf).toList()).toList();
    }

    /** Whether this requires nothing. */
    public boolean isNone() {
        return !authenticated && scopes.isEmpty();
    }

    /** Both requirements at once. */
    public AccessRequirement and(AccessRequirement other) {
        if (other.isNone()) {
            return this;
        }
        if (isNone()) {
            return other;
        }
        List<List<Set<String>>> all = new ArrayList<>(scopes);
        other.scopes.stream().filter(condition -> !all.contains(condition)).forEach(all::add);
        return new AccessRequirement(authenticated || other.authenticated, all);
    }

    /** Whether a caller (signed in or not, with these granted scopes) meets it. */
    public boolean isMetBy(boolean signedIn, Set<String> granted) {
        if (authenticated && !signedIn) {
            return false;
        }
        for (List<Set<String>> anyOf : scopes) {
            if (anyOf.stream().noneMatch(granted::containsAll)) {
                return false;
            }
        }
        return true;
    }
}
