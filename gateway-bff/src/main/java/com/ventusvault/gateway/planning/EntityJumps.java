package com.ventusvault.gateway.planning;

import com.ventusvault.gateway.supergraph.JoinField;
import graphql.language.SelectionSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Field routing across subgraphs: chooses the subgraph (and chain of key edges) for a field the current subgraph
 * cannot resolve, takes those entity jumps (adding keys to the current fetch and {@code @requires} fields before
 * the jump), and splits a field's sub-selection across subgraphs when no one subgraph resolves all of it.
 */
final class EntityJumps {

    private final SelectionPlanner planner;

    EntityJumps(SelectionPlanner planner) {
        this.planner = planner;
    }

    /** Chooses the subgraph for a field the current group cannot resolve, and the key edges to reach it. */
    Route route(FetchGroup group, String type, ClientField clientField, List<String> path, String exclude,
                SelectionSet provided) {
        String field = clientField.name();
        List<KeyPaths.Hop> best = null;
        boolean bestReuses = false;
        int bestCost = 0;
        for (String candidate : planner.supergraph.resolvingSubgraphs(type, field)) {
            if (candidate.equals(exclude)) {
                continue;
            }
            List<KeyPaths.Hop> hops = planner.keyPaths.find(group.subgraph, type, candidate, true, provided);
            if (hops == null) {
                continue;
            }
            int cost = clientField.selections().isEmpty() ? 0 : planner.cost(candidate, type, clientField, path, null);
            if (cost < 0) {
                continue;
            }
            boolean reuses = hops.size() == 1 && planner.graph.hasEntityGroup(candidate, path, group, "");
            if (best == null || hops.size() + cost < best.size() + bestCost
                    || (hops.size() + cost == best.size() + bestCost && reuses && !bestReuses)) {
                best = hops;
                bestReuses = reuses;
                bestCost = cost;
            }
        }
        if (best == null) {
            for (var resolver : planner.supergraph.interfaceObjectResolvers(type, field)) {
                List<KeyPaths.Hop> hops = planner.keyPaths.findInterfaceObject(group.subgraph, type, resolver.type(),
                        resolver.subgraph());
                if (hops != null && (best == null || hops.size() < best.size())) {
                    best = hops;
                }
            }
        }
        return best == null ? null : new Route(best);
    }

    void planRemote(FetchGroup group, SubgraphSelection target, String type, ClientField field,
                            List<String> path, SelectionSet provided, Cond own, Route route) {
        FetchGroup current = group;
        SubgraphSelection currentTarget = target;
        List<KeyPaths.Hop> hops = route.hops();
        for (KeyPaths.Hop hop : hops.subList(0, hops.size() - 1)) {
            current = hop(current, currentTarget, hop, path, hop.type().equals(type) ? "" : hop.type());
            currentTarget = current.entityFragment(hop.type());
        }
        KeyPaths.Hop last = hops.getLast();
        String fieldType = last.type();
        String variant = last.type().equals(type) ? "" : last.type();
        JoinField join = planner.supergraph.field(fieldType, field.name()).joinFor(last.subgraph());
        Set<FetchGroup> touched = Set.of();
        if (join != null && join.requires() != null) {
            planner.graph.startTracking();
            planner.plan(current, currentTarget, type, planner.required.toClientSelections(fieldType, join.requires().selections()), path,
                    current == group ? provided : null, own);
            touched = planner.graph.stopTracking();
            FetchGroup shared = planner.graph.findEntityGroup(last.subgraph(), path, current, variant);
            if (shared != null && (touched.contains(shared)
                    || shared.requires.conflicts(fieldType, join.requires().selections()))) {
                // the required fields come from the fetch this field would join, or that fetch's representations
                // carry the same field with other arguments: fetch this field separately
                variant = variant + "+requires:" + field.name();
            }
        }
        FetchGroup previous = current;
        current = hop(current, currentTarget, last, path, variant);
        currentTarget = current.entityFragment(fieldType);
        if (join != null && join.requires() != null) {
            touched.remove(current);
            current.dependsOn.addAll(touched);
            current.requires.fragment(fieldType, List.of()).addRequiredFieldSet(join.requires().selections());
        }
        planner.addLocal(current, currentTarget, fieldType, field, path, current == group ? provided : null, own);
    }

    /** Takes one key edge from {@code current}: adds the key to its selection and returns the entity group. */
    private FetchGroup hop(FetchGroup current, SubgraphSelection currentTarget, KeyPaths.Hop hop, List<String> path,
                           String variant) {
        currentTarget.addTypename();
        currentTarget.addFieldSet(hop.key().selections());
        planner.graph.touch(current);
        FetchGroup next = planner.graph.entityGroup(hop.subgraph(), path, current, variant);
        SubgraphSelection requires = next.requires.fragment(hop.type(), List.of());
        requires.addTypename();
        requires.addFieldSet(hop.key().selections());
        return next;
    }

    record Route(List<KeyPaths.Hop> hops) {
    }

    /**
     * When no one subgraph resolves everything selected below a (shareable) field, plans each sub-selection in a
     * subgraph that can, selecting the field in each; their results merge into one object. Returns false when
     * some sub-selection has no such subgraph.
     */
    boolean splitAcrossSubgraphs(FetchGroup group, SubgraphSelection target, String type, ClientField field,
                                         List<String> path, SelectionSet provided, Cond own, boolean local) {
        if (field.selections().isEmpty()) {
            return false;
        }
        List<String> candidates = new ArrayList<>();
        if (local) {
            candidates.add(group.subgraph);
        }
        for (String candidate : planner.supergraph.resolvingSubgraphs(type, field.name())) {
            if (!candidates.contains(candidate) && planner.keyPaths.find(group.subgraph, type, candidate, true) != null) {
                candidates.add(candidate);
            }
        }
        java.util.Map<String, List<ClientSelection>> parts = partition(candidates, type, field, path,
                local ? group.subgraph : null, provided);
        if (parts == null) {
            return false;
        }
        for (var part : parts.entrySet()) {
            ClientField subset = field.withSelections(part.getValue());
            if (local && part.getKey().equals(group.subgraph)) {
                planner.addLocal(group, target, type, subset, path, provided, own);
            } else {
                planRemote(group, target, type, subset, path, provided, own,
                        new Route(planner.keyPaths.find(group.subgraph, type, part.getKey(), true)));
            }
        }
        return true;
    }

    /**
     * Assigns each top-level sub-selection of {@code field} to the first candidate subgraph that can plan it, or
     * returns null when one has none (or all land in one subgraph, which then cannot take them together).
     */
    java.util.Map<String, List<ClientSelection>> partition(List<String> candidates, String type, ClientField field,
                                                           List<String> path, String providedIn,
                                                           SelectionSet provided) {
        java.util.Map<String, List<ClientSelection>> parts = new java.util.LinkedHashMap<>();
        for (ClientSelection child : field.selections()) {
            String chosen = null;
            for (String candidate : candidates) {
                if (planner.cost(candidate, type, field.withSelections(List.of(child)), path,
                        candidate.equals(providedIn) ? provided : null) >= 0) {
                    chosen = candidate;
                    break;
                }
            }
            if (chosen == null) {
                return null;
            }
            parts.computeIfAbsent(chosen, k -> new ArrayList<>()).add(child);
        }
        return parts.size() < 2 ? null : parts;
    }
}
