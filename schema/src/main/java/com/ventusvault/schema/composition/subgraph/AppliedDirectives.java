package com.ventusvault.schema.composition.subgraph;

import graphql.language.Argument;
import graphql.language.BooleanValue;
import graphql.language.Directive;
import graphql.language.StringValue;

import java.util.List;
import java.util.Map;

/**
 * The federation directives applied to one element, keyed by canonical name (whatever name the subgraph imported
 * them under), plus the {@link Annotations} composition carries over.
 */
record AppliedDirectives(Map<String, List<Directive>> federation, Annotations annotations) {

    boolean has(String canonical) {
        return federation.containsKey(canonical);
    }

    List<Directive> all(String canonical) {
        return federation.getOrDefault(canonical, List.of());
    }

    /** The string argument of the first application, or {@code null} when absent or not a string. */
    String string(String canonical, String argument) {
        List<Directive> directives = all(canonical);
        return directives.isEmpty() ? null : stringArgument(directives.getFirst(), argument);
    }

    static String stringArgument(Directive directive, String argument) {
        Argument arg = directive.getArgument(argument);
        return arg != null && arg.getValue() instanceof StringValue string ? string.getValue() : null;
    }

    static Boolean booleanArgument(Directive directive, String argument) {
        Argument arg = directive.getArgument(argument);
        return arg != null && arg.getValue() instanceof BooleanValue bool ? bool.isValue() : null;
    }
}
