package com.ventusvault.gateway.planning;

import graphql.language.SelectionSet;

import java.util.ArrayList;
import java.util.List;

/**
 * Plans selections on an interface that the current subgraph declares with {@code @interfaceObject}: its own
 * fields stay here, the rest is asked from a subgraph that knows the implementations, over the interface's key.
 */
final class InterfaceObjects {

    private final SelectionPlanner planner;

    InterfaceObjects(SelectionPlanner planner) {
        this.planner = planner;
    }

    /**
     * A subgraph that declares interface {@code type} with {@code @interfaceObject} returns objects whose
     * {@code __typename} is the interface. Fields it resolves are planned here; fragments, {@code __typename} and
     * other fields are planned in a subgraph that knows the implementations, reached over the interface's key
     * (that fetch also brings the concrete {@code __typename}).
     */
    void plan(FetchGroup group, SubgraphSelection target, String type,
                                     List<ClientSelection> selections, List<String> path, SelectionSet provided,
                                     Cond cond) {
        target.addTypename();
        List<ClientSelection> remote = new ArrayList<>();
        for (ClientSelection selection : selections) {
            if (selection instanceof ClientField field && !field.name().startsWith("__")
                    && planner.provides.resolvesLocally(group.subgraph, type, field.name(), provided)) {
                planner.planField(group, target, type, field, path, provided, cond);
            } else if (!(selection instanceof ClientField field && field.name().startsWith("__")
                    && !field.name().equals("__typename"))) {
                remote.add(selection);
            }
        }
        if (remote.isEmpty()) {
            return;
        }
        List<KeyPaths.Hop> hops = null;
        for (String candidate : planner.supergraph.type(type).subgraphs()) {
            if (!planner.supergraph.isInterfaceObjectIn(candidate, type)) {
                List<KeyPaths.Hop> found = planner.keyPaths.find(group.subgraph, type, candidate, true);
                if (found != null && (hops == null || found.size() < hops.size())) {
                    hops = found;
                }
            }
        }
        if (hops == null) { // no subgraph knows the implementations: only fields can be answered
            for (ClientSelection selection : remote) {
                if (selection instanceof ClientField field) {
                    planner.planField(group, target, type, field, path, provided, cond);
                }
            }
            return;
        }
        FetchGroup current = group;
        SubgraphSelection currentTarget = target;
        for (KeyPaths.Hop hop : hops) {
            currentTarget.addTypename();
            currentTarget.addFieldSet(hop.key().selections());
            planner.graph.touch(current);
            current = planner.graph.entityGroup(hop.subgraph(), path, current, "");
            SubgraphSelection requires = current.requires.fragment(hop.type(), List.of());
            requires.addTypename();
            requires.addFieldSet(hop.key().selections());
            currentTarget = current.entityFragment(hop.type());
        }
        planner.plan(current, currentTarget, type, remote, path, null, cond);
    }
}
