package com.ventusvault.gateway.planning;

import graphql.language.SelectionSet;

import java.util.List;
import java.util.Set;

/**
 * Plans a field whose subgraphs have no key the current subgraph resolves: collects one key's fields like
 * {@code @requires} fields, from whichever subgraphs resolve them, then asks for the entity by that key.
 */
final class CollectedKeys {

    private final SelectionPlanner planner;

    CollectedKeys(SelectionPlanner planner) {
        this.planner = planner;
    }

    /**
     * When no subgraph that resolves the field has a key whose fields the current subgraph resolves, collects a
     * key's fields like {@code @requires} fields (from whichever subgraphs resolve them) and then asks the
     * subgraph for the entity by that key. Returns false when no key can be collected.
     */
    boolean plan(FetchGroup group, SubgraphSelection target, String type,
                                            ClientField field, List<String> path, SelectionSet provided, Cond own) {
        String guard = type + "." + field.name();
        if (!planner.collecting.add(guard)) {
            return false;
        }
        try {
            return collectKeyAndPlan(group, target, type, field, path, provided, own);
        } finally {
            planner.collecting.remove(guard);
        }
    }

    private boolean collectKeyAndPlan(FetchGroup group, SubgraphSelection target, String type, ClientField field,
                                      List<String> path, SelectionSet provided, Cond own) {
        for (String candidate : planner.supergraph.resolvingSubgraphs(type, field.name())) {
            for (var key : planner.supergraph.type(type).resolvableKeys(candidate)) {
                List<ClientSelection> keyFields = planner.required.toClientSelections(type, key.selections());
                if (candidate.equals(group.subgraph) || !plannable(group.subgraph, type, keyFields, path)
                        || (!field.selections().isEmpty() && planner.cost(candidate, type, field, path, null) < 0)) {
                    continue;
                }
                planner.graph.startTracking();
                target.addTypename();
                planner.plan(group, target, type, keyFields, path, provided, own);
                Set<FetchGroup> touched = planner.graph.stopTracking();
                FetchGroup next = planner.graph.entityGroup(candidate, path, group, "+key:" + key.selections().toString());
                touched.remove(next);
                next.dependsOn.addAll(touched);
                SubgraphSelection requires = next.requires.fragment(type, List.of());
                requires.addTypename();
                requires.addRequiredFieldSet(key.selections());
                planner.addLocal(next, next.entityFragment(type), type, field, path, null, own);
                return true;
            }
        }
        return false;
    }

    /** Whether {@code selections} on {@code type} can be planned starting in {@code subgraph} (a dry run). */
    private boolean plannable(String subgraph, String type, List<ClientSelection> selections, List<String> path) {
        FetchGraph scratch = new FetchGraph();
        FetchGroup root = scratch.rootGroup(subgraph);
        try {
            planner.dryRun(scratch).plan(root, root.selection, type, selections, path, null, Cond.ALWAYS);
            return true;
        } catch (PlanningException | IllegalArgumentException e) {
            return false;
        }
    }
}
