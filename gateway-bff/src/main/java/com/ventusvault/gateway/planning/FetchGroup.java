package com.ventusvault.gateway.planning;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One future fetch while planning: a subgraph, where its results merge, what it selects, what it needs in its
 * representations, and which groups must run first. Mutable; {@link PlanAssembler} turns groups into nodes.
 */
final class FetchGroup {

    final int id;
    final String subgraph;
    final boolean entity;
    final List<String> path;
    final FetchGroup parent;
    final SubgraphSelection selection = new SubgraphSelection();
    final SubgraphSelection requires = new SubgraphSelection();
    final Set<FetchGroup> dependsOn = new LinkedHashSet<>();
    /** Conditions under which the fields placed at this group's top level apply. */
    final Set<Cond> conditions = new LinkedHashSet<>();

    FetchGroup(int id, String subgraph, boolean entity, List<String> path, FetchGroup parent) {
        this.id = id;
        this.subgraph = subgraph;
        this.entity = entity;
        this.path = List.copyOf(path);
        this.parent = parent;
        if (!entity) {
            selection.topLevelOf = this;
        }
        if (parent != null) {
            dependsOn.add(parent);
        }
    }

    /** The top-level {@code ... on Type} of an entity group, where entity fields go. */
    SubgraphSelection entityFragment(String type) {
        SubgraphSelection fragment = selection.fragment(type, List.of());
        fragment.topLevelOf = this;
        return fragment;
    }

    /** The single variable condition all top-level fields share, or null when the group always runs. */
    Cond sharedCondition() {
        if (conditions.size() == 1 && conditions.iterator().next().isVariable()) {
            return conditions.iterator().next();
        }
        return null;
    }

    @Override
    public String toString() {
        return "FetchGroup#" + id + "(" + subgraph + " at " + String.join(".", path) + ")";
    }
}
