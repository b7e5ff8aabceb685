package com.ventusvault.schema.composition.subgraph;

import java.util.List;

/**
 * The directives composition carries from a subgraph element into the supergraph unchanged in meaning:
 * {@code @inaccessible}, {@code @tag(name:)} and {@code @deprecated(reason:)}.
 *
 * @param deprecationReason {@code null} when not deprecated; the empty string for a bare {@code @deprecated}
 */
public record Annotations(boolean inaccessible, List<String> tags, String deprecationReason) {

    public static final Annotations NONE = new Annotations(false, List.of(), null);

    public Annotations {
        tags = List.copyOf(tags);
    }

    public boolean deprecated() {
        return deprecationReason != null;
    }
}
