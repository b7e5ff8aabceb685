package com.ventusvault.gateway.limits;

import graphql.language.Definition;
import graphql.language.DirectivesContainer;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Measures a parsed (not yet validated) document: for its worst operation, the field depth, aliases, directives and
 * cost, and whether it introspects. Fragments are transparent (a spread measures as its fragment's selections, inline
 * fragments add no depth), each fragment is measured once however often it is spread (so a "fragment bomb" costs
 * linear time to measure and saturates the counts), and a fragment cycle (invalid anyway) counts as nothing.
 * {@code __schema} and {@code __type} selections are left out of depth and cost, as graphql-armor's
 * {@code ignoreIntrospection} does, so GraphiQL's introspection query is judged by the introspection switch alone.
 */
final class DocumentMeasure {

    /** The figures of one selection set (or operation). Counts saturate at {@link Long#MAX_VALUE}. */
    record Figures(int depth, long aliases, long directives, double cost, boolean introspects) {

        static final Figures NONE = new Figures(0, 0, 0, 0, false);

        Figures plus(Figures other) {
            return new Figures(Math.max(depth, other.depth), add(aliases, other.aliases),
                    add(directives, other.directives), cost + other.cost, introspects || other.introspects);
        }

        Figures worst(Figures other) {
            return new Figures(Math.max(depth, other.depth), Math.max(aliases, other.aliases),
                    Math.max(directives, other.directives), Math.max(cost, other.cost),
                    introspects || other.introspects);
        }

        private static long add(long a, long b) {
            long sum = a + b;
            return sum < 0 ? Long.MAX_VALUE : sum;
        }
    }

    private final int objectCost;
    private final int scalarCost;
    private final double depthCostFactor;

    DocumentMeasure(LimitsProperties.QueryProperties properties) {
        this.objectCost = properties.objectCost();
        this.scalarCost = properties.scalarCost();
        this.depthCostFactor = properties.depthCostFactor();
    }

    /** The worst figures over the document's operations. */
    Figures measure(Document document) {
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof FragmentDefinition fragment) {
                fragments.putIfAbsent(fragment.getName(), fragment);
            }
        }
        Walk walk = new Walk(fragments);
        Figures worst = Figures.NONE;
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof OperationDefinition operation) {
                Figures own = new Figures(0, 0, directives(operation), 0, false);
                worst = worst.worst(own.plus(walk.selections(operation.getSelectionSet())));
            }
        }
        return worst;
    }

    private static long directives(DirectivesContainer<?> node) {
        return node.getDirectives().size();
    }

    /** One measuring pass with its fragment memo. */
    private final class Walk {

        private final Map<String, FragmentDefinition> fragments;
        private final Map<String, Figures> measured = new HashMap<>();
        private final Set<String> inProgress = new HashSet<>();

        Walk(Map<String, FragmentDefinition> fragments) {
            this.fragments = fragments;
        }

        Figures selections(SelectionSet set) {
            Figures figures = Figures.NONE;
            if (set == null) {
                return figures;
            }
            for (Selection<?> selection : set.getSelections()) {
                figures = figures.plus(switch (selection) {
                    case Field field -> field(field);
                    case InlineFragment inline -> new Figures(0, 0, directives(inline), 0, false)
                            .plus(selections(inline.getSelectionSet()));
                    case FragmentSpread spread -> new Figures(0, 0, directives(spread), 0, false)
                            .plus(fragment(spread.getName()));
                    default -> Figures.NONE;
                });
            }
            return figures;
        }

        private Figures field(Field field) {
            long aliases = field.getAlias() == null ? 0 : 1;
            if (field.getName().equals("__schema") || field.getName().equals("__type")) {
                return new Figures(0, aliases, directives(field), 0, true);
            }
            if (field.getSelectionSet() == null) {
                return new Figures(1, aliases, directives(field), scalarCost, false);
            }
            Figures below = selections(field.getSelectionSet());
            return new Figures(below.depth() + 1, Figures.add(aliases, below.aliases()),
                    Figures.add(directives(field), below.directives()),
                    objectCost + depthCostFactor * below.cost(), below.introspects());
        }

        private Figures fragment(String name) {
            Figures known = measured.get(name);
            if (known != null) {
                return known;
            }
            FragmentDefinition fragment = fragments.get(name);
            if (fragment == null || !inProgress.add(name)) {
                return Figures.NONE; // unknown or cyclic: validation reports it
            }
            Figures figures = new Figures(0, 0, directives(fragment), 0, false)
                    .plus(selections(fragment.getSelectionSet()));
            inProgress.remove(name);
            measured.put(name, figures);
            return figures;
        }
    }
}
