package com.ventusvault.schema.composition.subgraph;

import java.util.List;

/**
 * The directives composition carries from a subgraph element into the supergraph unchanged in meaning:
 * {@code @inaccessible}, {@code @tag(name:)}, {@code @deprecated(reason:)}, and the access rules the gateway enforces,
 * {@code @authenticated} (authenticated/v0.1) and {@code @requiresScopes(scopes:)} (requiresScopes/v0.1).
 *
 * @param deprecationReason {@code null} when not deprecated; the empty string for a bare {@code @deprecated}
 * @param authenticated     whether only callers with a valid token may see the element
 * @param requiresScopes    the {@code scopes} argument: any one inner list must be granted entirely (OR of ANDs);
 *                          empty when the element requires no scope
 */
public record Annotations(boolean inaccessible, List<String> tags, String deprecationReason, boolean authenticated,
                          List<List<String>> requiresScopes) {

    public static final Annotations NONE = new Annotations(false, List.of(), null, false, List.of());

    public Annotations {
        tags = List.copyOf(tags);
        requiresScopes = requiresScopes.stream().map(List::copyOf).toList();
    }

    public boolean deprecated() {
        return deprecationReason != null;
    }
}
