package com.ventusvault.gateway.planning;

import com.ventusvault.gateway.supergraph.FieldDef;
import com.ventusvault.gateway.supergraph.JoinField;
import com.ventusvault.gateway.supergraph.Supergraph;
import com.ventusvault.gateway.supergraph.TypeKind;
import graphql.language.Field;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Walks client selections over the query graph and places every field in a fetch group: in the current group
 * when its subgraph resolves the field, else in an entity group reached over key edges (adding key fields to the
 * current group), fetching {@code @requires} fields first. Abstract types are planned per possible runtime type
 * unless the current subgraph resolves every selected field for all of them.
 */
final class SelectionPlanner {

    private final Supergraph supergraph;
    private final FetchGraph graph;
    private final KeyPaths keyPaths;

    /** Fields whose keys are being collected (by this planner or the dry runs it started): a recursion guard. */
    private final Set<String> collecting;

    SelectionPlanner(Supergraph supergraph, FetchGraph graph) {
        this(supergraph, graph, new java.util.HashSet<>());
    }

    private SelectionPlanner(Supergraph supergraph, FetchGraph graph, Set<String> collecting) {
        this.supergraph = supergraph;
        this.graph = graph;
        this.keyPaths = new KeyPaths(supergraph);
        this.collecting = collecting;
    }

    /** Plans {@code selections} on {@code type} inside {@code target}, which belongs to {@code group}. */
    void plan(FetchGroup group, SubgraphSelection target, String type, List<ClientSelection> selections,
              List<String> path, SelectionSet provided, Cond cond) {
        TypeKind kind = supergraph.type(type).kind();
        if (kind.isAbstract()) {
            planAbstract(group, target, type, selections, path, provided, cond);
            return;
        }
        for (ClientSelection selection : selections) {
            switch (selection) {
                case ClientField field -> planField(group, target, type, field, path, provided, cond);
                case ClientFragment fragment -> {
                    if (fragment.typeCondition() != null
                            && !supergraph.possibleTypes(fragment.typeCondition()).contains(type)) {
                        continue; // can never match this object type
                    }
                    Cond inner = cond.and(fragment.conditions());
                    if (inner == Cond.NEVER) {
                        continue;
                    }
                    SubgraphSelection into = fragment.conditions().isEmpty() ? target
                            : target.fragment(null, fragment.conditions());
                    if (into != target && target.topLevelOf != null) {
                        into.topLevelOf = target.topLevelOf;
                    }
                    plan(group, into, type, fragment.selections(), path, provided, inner);
                }
            }
        }
    }

    private void planAbstract(FetchGroup group, SubgraphSelection target, String type,
                              List<ClientSelection> selections, List<String> path, SelectionSet provided, Cond cond) {
        if (supergraph.isInterfaceObjectIn(group.subgraph, type)) {
            planInterfaceObject(group, target, type, selections, path, provided, cond);
            return;
        }
        target.addTypename();
        List<String> runtimeTypes = supergraph.possibleTypesIn(group.subgraph, type);
        if (resolvedOnAbstractType(group.subgraph, type, runtimeTypes, selections, provided)) {
            for (ClientSelection selection : selections) {
                ClientField field = (ClientField) selection;
                Cond own = cond.and(field.conditions());
                if (own != Cond.NEVER && !field.name().startsWith("__")) {
                    addLocal(group, target, type, field, path, provided, own);
                }
            }
            return;
        }
        for (String runtimeType : runtimeTypes) {
            List<ClientSelection> restricted = restrict(runtimeType, selections);
            if (!restricted.isEmpty()) {
                SubgraphSelection fragment = target.fragment(runtimeType, List.of());
                fragment.topLevelOf = target.topLevelOf;
                plan(group, fragment, runtimeType, restricted, path, provided, cond);
            }
        }
    }

    /**
     * A subgraph that declares interface {@code type} with {@code @interfaceObject} returns objects whose
     * {@code __typename} is the interface. Fields it resolves are planned here; fragments, {@code __typename} and
     * other fields are planned in a subgraph that knows the implementations, reached over the interface's key
     * (that fetch also brings the concrete {@code __typename}).
     */
    private void planInterfaceObject(FetchGroup group, SubgraphSelection target, String type,
                                     List<ClientSelection> selections, List<String> path, SelectionSet provided,
                                     Cond cond) {
        target.addTypename();
        List<ClientSelection> remote = new ArrayList<>();
        for (ClientSelection selection : selections) {
            if (selection instanceof ClientField field && !field.name().startsWith("__")
                    && resolvesLocally(group.subgraph, type, field.name(), provided)) {
                planField(group, target, type, field, path, provided, cond);
            } else if (!(selection instanceof ClientField field && field.name().startsWith("__")
                    && !field.name().equals("__typename"))) {
                remote.add(selection);
            }
        }
        if (remote.isEmpty()) {
            return;
        }
        List<KeyPaths.Hop> hops = null;
        for (String candidate : supergraph.type(type).subgraphs()) {
            if (!supergraph.isInterfaceObjectIn(candidate, type)) {
                List<KeyPaths.Hop> found = keyPaths.find(group.subgraph, type, candidate, true);
                if (found != null && (hops == null || found.size() < hops.size())) {
                    hops = found;
                }
            }
        }
        if (hops == null) { // no subgraph knows the implementations: only fields can be answered
            for (ClientSelection selection : remote) {
                if (selection instanceof ClientField field) {
                    planField(group, target, type, field, path, provided, cond);
                }
            }
            return;
        }
        FetchGroup current = group;
        SubgraphSelection currentTarget = target;
        for (KeyPaths.Hop hop : hops) {
            currentTarget.addTypename();
            currentTarget.addFieldSet(hop.key().selections());
            graph.touch(current);
            current = graph.entityGroup(hop.subgraph(), path, current, "");
            SubgraphSelection requires = current.requires.fragment(hop.type(), List.of());
            requires.addTypename();
            requires.addFieldSet(hop.key().selections());
            currentTarget = current.entityFragment(hop.type());
        }
        plan(current, currentTarget, type, remote, path, null, cond);
    }

    private boolean resolvedOnAbstractType(String subgraph, String type, List<String> runtimeTypes,
                                           List<ClientSelection> selections, SelectionSet provided) {
        if (supergraph.type(type).kind() != TypeKind.INTERFACE) {
            return false;
        }
        for (ClientSelection selection : selections) {
            if (!(selection instanceof ClientField field)) {
                return false;
            }
            if (field.name().startsWith("__")) {
                continue;
            }
            if (!resolvesLocally(subgraph, type, field.name(), provided)) {
                return false;
            }
            for (String runtimeType : runtimeTypes) {
                if (!resolvesLocally(subgraph, runtimeType, field.name(), provided)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The selections that apply to objects of {@code runtimeType}. */
    private List<ClientSelection> restrict(String runtimeType, List<ClientSelection> selections) {
        List<ClientSelection> result = new ArrayList<>();
        for (ClientSelection selection : selections) {
            switch (selection) {
                case ClientField field -> result.add(field);
                case ClientFragment fragment -> {
                    if (fragment.typeCondition() == null
                            || supergraph.possibleTypes(fragment.typeCondition()).contains(runtimeType)) {
                        List<ClientSelection> inner = restrict(runtimeType, fragment.selections());
                        if (fragment.conditions().isEmpty()) {
                            result.addAll(inner);
                        } else {
                            result.add(new ClientFragment(null, fragment.conditions(), inner));
                        }
                    }
                }
            }
        }
        return result;
    }

    private void planField(FetchGroup group, SubgraphSelection target, String type, ClientField field,
                           List<String> path, SelectionSet provided, Cond cond) {
        Cond own = cond.and(field.conditions());
        if (own == Cond.NEVER || field.name().startsWith("__")) {
            return; // __typename is answered by the executor; introspection by the gateway
        }
        JoinField localJoin = supergraph.field(type, field.name()).joinFor(group.subgraph);
        boolean needsRequires = localJoin != null && localJoin.requires() != null;
        String exclude = null;
        if (!needsRequires && resolvesLocally(group.subgraph, type, field.name(), provided)) {
            if (field.selections().isEmpty() || cost(group.subgraph, type, field, path, provided) >= 0) {
                addLocal(group, target, type, field, path, provided, own);
                return;
            }
            exclude = group.subgraph; // the field is here but what the client selects below it is not reachable
        }
        Route route = route(group, type, field, path, exclude);
        if (route == null) {
            if (splitAcrossSubgraphs(group, target, type, field, path, provided, own, exclude != null)) {
                return;
            }
            if (planThroughCollectedKey(group, target, type, field, path, provided, own)) {
                return;
            }
            throw new PlanningException("Cannot plan field '" + type + "." + field.name() + "' at path '"
                    + String.join(".", path) + "': subgraph '" + group.subgraph + "' does not resolve it and no "
                    + "subgraph that does is reachable through a resolvable @key");
        }
        planRemote(group, target, type, field, path, provided, own, route);
    }

    /**
     * When no one subgraph resolves everything selected below a (shareable) field, plans each sub-selection in a
     * subgraph that can, selecting the field in each; their results merge into one object. Returns false when
     * some sub-selection has no such subgraph.
     */
    private boolean splitAcrossSubgraphs(FetchGroup group, SubgraphSelection target, String type, ClientField field,
                                         List<String> path, SelectionSet provided, Cond own, boolean local) {
        if (field.selections().isEmpty()) {
            return false;
        }
        List<String> candidates = new ArrayList<>();
        if (local) {
            candidates.add(group.subgraph);
        }
        for (String candidate : supergraph.resolvingSubgraphs(type, field.name())) {
            if (!candidates.contains(candidate) && keyPaths.find(group.subgraph, type, candidate, true) != null) {
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
                addLocal(group, target, type, subset, path, provided, own);
            } else {
                planRemote(group, target, type, subset, path, provided, own,
                        new Route(keyPaths.find(group.subgraph, type, part.getKey(), true)));
            }
        }
        return true;
    }

    /**
     * When no subgraph that resolves the field has a key whose fields the current subgraph resolves, collects a
     * key's fields like {@code @requires} fields (from whichever subgraphs resolve them) and then asks the
     * subgraph for the entity by that key. Returns false when no key can be collected.
     */
    private boolean planThroughCollectedKey(FetchGroup group, SubgraphSelection target, String type,
                                            ClientField field, List<String> path, SelectionSet provided, Cond own) {
        String guard = type + "." + field.name();
        if (!collecting.add(guard)) {
            return false;
        }
        try {
            return collectKeyAndPlan(group, target, type, field, path, provided, own);
        } finally {
            collecting.remove(guard);
        }
    }

    private boolean collectKeyAndPlan(FetchGroup group, SubgraphSelection target, String type, ClientField field,
                                      List<String> path, SelectionSet provided, Cond own) {
        for (String candidate : supergraph.resolvingSubgraphs(type, field.name())) {
            for (var key : supergraph.type(type).resolvableKeys(candidate)) {
                List<ClientSelection> keyFields = toClientSelections(type, key.selections());
                if (candidate.equals(group.subgraph) || !plannable(group.subgraph, type, keyFields, path)
                        || (!field.selections().isEmpty() && cost(candidate, type, field, path, null) < 0)) {
                    continue;
                }
                graph.startTracking();
                target.addTypename();
                plan(group, target, type, keyFields, path, provided, own);
                Set<FetchGroup> touched = graph.stopTracking();
                FetchGroup next = graph.entityGroup(candidate, path, group, "+key:" + key.selections().toString());
                touched.remove(next);
                next.dependsOn.addAll(touched);
                SubgraphSelection requires = next.requires.fragment(type, List.of());
                requires.addTypename();
                requires.addRequiredFieldSet(key.selections());
                addLocal(next, next.entityFragment(type), type, field, path, null, own);
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
            new SelectionPlanner(supergraph, scratch, collecting).plan(root, root.selection, type, selections, path, null,
                    Cond.ALWAYS);
            return true;
        } catch (PlanningException | IllegalArgumentException e) {
            return false;
        }
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
                if (cost(candidate, type, field.withSelections(List.of(child)), path,
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

    private void planRemote(FetchGroup group, SubgraphSelection target, String type, ClientField field,
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
        JoinField join = supergraph.field(fieldType, field.name()).joinFor(last.subgraph());
        Set<FetchGroup> touched = Set.of();
        if (join != null && join.requires() != null) {
            graph.startTracking();
            plan(current, currentTarget, type, toClientSelections(fieldType, join.requires().selections()), path,
                    current == group ? provided : null, own);
            touched = graph.stopTracking();
            FetchGroup shared = graph.findEntityGroup(last.subgraph(), path, current, variant);
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
        addLocal(current, currentTarget, fieldType, field, path, current == group ? provided : null, own);
    }

    /** Takes one key edge from {@code current}: adds the key to its selection and returns the entity group. */
    private FetchGroup hop(FetchGroup current, SubgraphSelection currentTarget, KeyPaths.Hop hop, List<String> path,
                           String variant) {
        currentTarget.addTypename();
        currentTarget.addFieldSet(hop.key().selections());
        graph.touch(current);
        FetchGroup next = graph.entityGroup(hop.subgraph(), path, current, variant);
        SubgraphSelection requires = next.requires.fragment(hop.type(), List.of());
        requires.addTypename();
        requires.addFieldSet(hop.key().selections());
        return next;
    }

    private record Route(List<KeyPaths.Hop> hops) {
    }

    /**
     * How many fetches planning {@code field} (with its sub-selections) in {@code subgraph} takes, or -1 when it
     * cannot be planned there: a dry run on a scratch fetch graph, used to choose between subgraphs.
     */
    int cost(String subgraph, String type, ClientField field, List<String> path, SelectionSet provided) {
        FetchGraph scratch = new FetchGraph();
        FetchGroup root = scratch.rootGroup(subgraph);
        try {
            new SelectionPlanner(supergraph, scratch, collecting).addLocal(root, root.selection, type, field, path, provided,
                    Cond.ALWAYS);
            return scratch.groups().size();
        } catch (PlanningException e) {
            return -1;
        }
    }

    /** Chooses the subgraph for a field the current group cannot resolve, and the key edges to reach it. */
    private Route route(FetchGroup group, String type, ClientField clientField, List<String> path, String exclude) {
        String field = clientField.name();
        List<KeyPaths.Hop> best = null;
        boolean bestReuses = false;
        int bestCost = 0;
        for (String candidate : supergraph.resolvingSubgraphs(type, field)) {
            if (candidate.equals(exclude)) {
                continue;
            }
            List<KeyPaths.Hop> hops = keyPaths.find(group.subgraph, type, candidate, true);
            if (hops == null) {
                continue;
            }
            int cost = clientField.selections().isEmpty() ? 0 : cost(candidate, type, clientField, path, null);
            if (cost < 0) {
                continue;
            }
            boolean reuses = hops.size() == 1 && graph.hasEntityGroup(candidate, path, group, "");
            if (best == null || hops.size() + cost < best.size() + bestCost
                    || (hops.size() + cost == best.size() + bestCost && reuses && !bestReuses)) {
                best = hops;
                bestReuses = reuses;
                bestCost = cost;
            }
        }
        if (best == null) {
            for (var resolver : supergraph.interfaceObjectResolvers(type, field)) {
                List<KeyPaths.Hop> hops = keyPaths.findInterfaceObject(group.subgraph, type, resolver.type(),
                        resolver.subgraph());
                if (hops != null && (best == null || hops.size() < best.size())) {
                    best = hops;
                }
            }
        }
        return best == null ? null : new Route(best);
    }

    private void addLocal(FetchGroup group, SubgraphSelection target, String type, ClientField field,
                          List<String> path, SelectionSet provided, Cond cond) {
        FieldDef def = supergraph.field(type, field.name());
        boolean composite = supergraph.type(def.namedType()).kind().isComposite();
        SubgraphSelection children = target.field(field.subgraphAlias(), field.name(), field.arguments(),
                field.conditions(), composite);
        graph.touch(group);
        if (target.topLevelOf == group) {
            group.conditions.add(cond);
        }
        if (children == null) {
            return;
        }
        List<String> childPath = new ArrayList<>(path);
        childPath.add(field.storageKey());
        for (int i = 0; i < def.listDepth(); i++) {
            childPath.add("@");
        }
        SelectionSet childProvided = providedBelow(providedFor(provided, type), field.name());
        JoinField join = def.joinFor(group.subgraph);
        if (join != null && join.provides() != null) {
            childProvided = join.provides().selections();
        }
        String childType = subgraphNamedType(def, join);
        if (!childType.equals(def.namedType()) && supergraph.type(def.namedType()).kind().isAbstract()) {
            children.addTypename(); // the client sees an abstract type: the response needs the runtime type
        }
        plan(group, children, childType, field.selections(), childPath, childProvided, cond);
        if (children.isEmpty()) {
            children.addTypename();
        }
    }

    /** The field's named type as the subgraph declares it ({@code @join__field(type:)}), which may be narrower. */
    private String subgraphNamedType(FieldDef def, JoinField join) {
        if (join == null || join.type() == null) {
            return def.namedType();
        }
        String named = join.type().replaceAll("[\\[\\]!\\s]", "");
        return supergraph.types().containsKey(named) ? named : def.namedType();
    }

    private boolean resolvesLocally(String subgraph, String type, String field, SelectionSet provided) {
        SelectionSet forType = providedFor(provided, type);
        return supergraph.resolves(subgraph, type, field) || providedBelow(forType, field) != null
                || isProvidedLeaf(forType, field);
    }

    /** The part of a {@code @provides} selection that applies to objects of {@code type}. */
    private SelectionSet providedFor(SelectionSet provided, String type) {
        if (provided == null) {
            return null;
        }
        List<Selection> kept = new ArrayList<>();
        for (Selection<?> selection : provided.getSelections()) {
            if (selection instanceof InlineFragment inline) {
                String condition = inline.getTypeCondition() == null ? null : inline.getTypeCondition().getName();
                if (condition != null && !condition.equals(type) && (!supergraph.types().containsKey(condition)
                        || !supergraph.possibleTypes(condition).contains(type))) {
                    continue; // provided only for another type
                }
                SelectionSet inner = providedFor(inline.getSelectionSet(), type);
                kept.addAll(inner.getSelections());
            } else {
                kept.add(selection);
            }
        }
        return SelectionSet.newSelectionSet(kept).build();
    }

    private static SelectionSet providedBelow(SelectionSet provided, String field) {
        if (provided == null) {
            return null;
        }
        for (Selection<?> selection : provided.getSelections()) {
            if (selection instanceof Field f && f.getName().equals(field)) {
                return f.getSelectionSet();
            }
            if (selection instanceof InlineFragment inline) {
                SelectionSet inner = providedBelow(inline.getSelectionSet(), field);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    private static boolean isProvidedLeaf(SelectionSet provided, String field) {
        if (provided == null) {
            return false;
        }
        for (Selection<?> selection : provided.getSelections()) {
            if (selection instanceof Field f && f.getName().equals(field)) {
                return true;
            }
            if (selection instanceof InlineFragment inline && isProvidedLeaf(inline.getSelectionSet(), field)) {
                return true;
            }
        }
        return false;
    }

    /** A federation field set as client selections, so required fields are planned like any other. */
    private List<ClientSelection> toClientSelections(String type, SelectionSet set) {
        List<ClientSelection> result = new ArrayList<>();
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field f) {
                FieldDef def = supergraph.field(type, f.getName());
                List<ClientSelection> children = f.getSelectionSet() == null ? List.of()
                        : toClientSelections(def.namedType(), f.getSelectionSet());
                String key = SubgraphSelection.requiredKey(f);
                result.add(new ClientField(key, key, f.getName(), f.getArguments(), List.of(), type, def.type(),
                        children));
            } else if (selection instanceof InlineFragment inline) {
                String condition = inline.getTypeCondition().getName();
                result.add(new ClientFragment(condition, List.of(),
                        toClientSelections(condition, inline.getSelectionSet())));
            }
        }
        return result;
    }
}
