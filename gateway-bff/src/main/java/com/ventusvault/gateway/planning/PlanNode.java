package com.ventusvault.gateway.planning;

import java.util.List;

/**
 * A step of a {@link QueryPlan}. The executor switches over these exhaustively; {@link PlanPrinter} prints them.
 */
public sealed interface PlanNode {

    /**
     * One request to one subgraph.
     *
     * @param serviceName    the subgraph
     * @param requires       for entity fetches, what each representation carries (per type); empty for root fetches
     * @param operation      the full operation text sent to the subgraph
     * @param selection      the selection set as printed in plans ({@code {me{id}}} or {@code {... on User{x}}})
     * @param variableUsages client variables the operation uses; only these are sent
     * @param operationKind  query, mutation or subscription
     */
    record Fetch(String serviceName, List<RequiredFragment> requires, String operation, String selection,
                 List<String> variableUsages, String operationKind) implements PlanNode {

        public Fetch {
            requires = List.copyOf(requires);
            variableUsages = List.copyOf(variableUsages);
        }

        /** Whether this is an {@code _entities} fetch. */
        public boolean isEntityFetch() {
            return !requires.isEmpty();
        }
    }

    /** Children run one after the other; each sees the data the previous ones merged. */
    record Sequence(List<PlanNode> nodes) implements PlanNode {
        public Sequence {
            nodes = List.copyOf(nodes);
        }
    }

    /** Children run at the same time; they never depend on each other. */
    record Parallel(List<PlanNode> nodes) implements PlanNode {
        public Parallel {
            nodes = List.copyOf(nodes);
        }
    }

    /**
     * Runs an entity fetch for every object at {@code path} in the merged data ({@code @} steps into lists) and
     * merges the results back into those objects.
     */
    record Flatten(List<String> path, Fetch node) implements PlanNode {
        public Flatten {
            path = List.copyOf(path);
        }
    }

    /**
     * A subscription: {@code primary} opens it on the subgraph that owns the root subscription field; every event
     * that subgraph emits is then completed by {@code rest} (entity fetches whose paths start at the event's root
     * field), or sent as it is when {@code rest} is null. Executed over WebSockets only; HTTP refuses it.
     *
     * @param primary the root fetch, whose operation is a {@code subscription}
     * @param rest    the plan run once per event, or null when the primary fetch selects everything
     */
    record Subscription(Fetch primary, PlanNode rest) implements PlanNode {
    }

    /**
     * Runs {@code ifClause} when the boolean variable is true, else {@code elseClause}; either may be null.
     */
    record Condition(String variable, PlanNode ifClause, PlanNode elseClause) implements PlanNode {
    }

    /**
     * A field of an entity representation, or (name null) a fragment whose fields apply to objects of a type.
     *
     * @param name          field name (the key in the representation), or null for a fragment
     * @param key           the key in the merged data (an alias for a required field with arguments)
     * @param selections    sub-fields for composite fields, or the fragment's fields
     * @param typeCondition the fragment's type condition; null for fields
     */
    record RequiredField(String name, String key, List<RequiredField> selections, String typeCondition) {
        public RequiredField {
            selections = List.copyOf(selections);
        }

        /** Whether this is a fragment ({@code ... on Type {...}}) rather than a field. */
        public boolean isFragment() {
            return name == null;
        }
    }

    /** What a representation carries for objects whose {@code __typename} is {@code typeCondition}. */
    record RequiredFragment(String typeCondition, List<RequiredField> fields) {
        public RequiredFragment {
            fields = List.copyOf(fields);
        }
    }
}
