package com.ventusvault.schema.composition.subgraph;

import java.util.Locale;

/** How a subgraph name becomes a {@code join__Graph} enum value: upper case, non-alphanumerics as underscores. */
public final class GraphNames {

    private GraphNames() {
    }

    public static String enumValue(String subgraphName) {
        String upper = subgraphName.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
        return Character.isDigit(upper.charAt(0)) ? "_" + upper : upper;
    }
}
