package com.ventusvault.gateway.planning;

import com.ventusvault.gateway.supergraph.TypeKind;
import graphql.language.SelectionSet;

import java.util.ArrayList;
import java.util.List;

/**
 * Plans selections on an interface or union: on the abstract type itself when the current subgraph resolves every
 * selected field for all its runtime types, else per possible runtime type (one inline fragment each).
 */
final class AbstractTypes {

    private final SelectionPlanner planner;

    AbstractTypes(SelectionPlanner planner) {
        this.planner = planner;
    }

    void plan(FetchGroup group, SubgraphSelection target, String type,
                              List<ClientSelection> selections, List<String> path, SelectionSet provided, Cond cond) {
        if (planner.supergraph.isInterfaceObjectIn(group.subgraph, type)) {
            planner.interfaceObjects.plan(group, target, type, selections, path, provided, cond);
            return;
        }
        target.addTypename();
        List<String> runtimeTypes = planner.supergraph.possibleTypesIn(group.subgraph, type);
        if (planner.supergraph.type(type).kind() == TypeKind.UNION) {
            runtimeTypes = membersEveryCandidateHas(group.subgraph, type, runtimeTypes);
        }
        if (resolvedOnAbstractType(group.subgraph, type, runtimeTypes, selections, provided)) {
            for (ClientSelection selection : selections) {
                ClientField field = (ClientField) selection;
                Cond own = cond.and(field.conditions());
                if (own != Cond.NEVER && !field.name().startsWith("__")) {
                    planner.addLocal(group, target, type, field, path, provided, own);
                }
            }
            return;
        }
        for (String runtimeType : runtimeTypes) {
            List<ClientSelection> restricted = restrict(runtimeType, selections);
            if (!restricted.isEmpty()) {
                SubgraphSelection fragment = target.fragment(runtimeType, List.of());
                fragment.topLevelOf = target.topLevelOf;
                planner.plan(group, fragment, runtimeType, restricted, path, provided, cond);
            }
        }
        if (runtimeTypes.isEmpty()) {
            // no object of this type can come from this subgraph, yet the client's fields must still be reachable
            // (planning fails, as Apollo's does, when one is not): plan them on the abstract type itself
            for (ClientSelection selection : selections) {
                if (selection instanceof ClientField field && !field.name().startsWith("__")) {
                    planner.planField(group, target, type, field, path, provided, cond);
                }
            }
        }
    }

    /**
     * The union members of {@code runtimeTypes} that every subgraph still able to resolve the path here also has
     * as members ({@code @join__unionMember}): the walk goes up the fields planned locally until an entity (or root)
     * type, where another subgraph could take over, so a member only some of them have is not guaranteed and its
     * fragments are not sent (its fields come back null, as in Apollo and Hive).
     */
    private List<String> membersEveryCandidateHas(String subgraph, String union, List<String> runtimeTypes) {
        java.util.Set<String> candidates = null;
        String expected = union;
        for (SelectionPlanner.PathStep step : planner.walked) {
            if (!step.childType().equals(expected)
                    && !planner.supergraph.possibleTypes(step.childType()).contains(expected)) {
                break; // not the chain of fields leading here (the walk started further down)
            }
            List<String> resolving = planner.supergraph.resolvingSubgraphs(step.parentType(), step.field());
            if (candidates == null) {
                candidates = new java.util.LinkedHashSet<>(resolving);
            } else {
                candidates.retainAll(resolving);
            }
            if (isRoot(step.parentType())) {
                break;
            }
            com.ventusvault.gateway.supergraph.TypeDef parent = planner.supergraph.type(step.parentType());
            if (candidates.stream().anyMatch(c -> !parent.resolvableKeys(c).isEmpty())) {
                candidates.removeIf(c -> !c.equals(subgraph) && parent.resolvableKeys(c).isEmpty());
                break; // an entity: the subgraphs that can be asked for it take over the path here
            }
            expected = step.parentType();
        }
        if (candidates == null || !candidates.contains(subgraph)) {
            return runtimeTypes;
        }
        List<String> kept = new ArrayList<>(runtimeTypes);
        for (String candidate : candidates) {
            if (!candidate.equals(subgraph)) {
                kept.retainAll(planner.supergraph.possibleTypesIn(candidate, union));
            }
        }
        return kept;
    }

    private boolean isRoot(String type) {
        return type.equals(planner.supergraph.rootType("query")) || type.equals(planner.supergraph.rootType("mutation"))
                || type.equals(planner.supergraph.rootType("subscription"));
    }

    private boolean resolvedOnAbstractType(String subgraph, String type, List<String> runtimeTypes,
                                           List<ClientSelection> selections, SelectionSet provided) {
        if (planner.supergraph.type(type).kind() != TypeKind.INTERFACE) {
            return false;
        }
        for (ClientSelection selection : selections) {
            if (!(selection instanceof ClientField field)) {
                return false;
            }
            if (field.name().startsWith("__")) {
                continue;
            }
            if (!planner.provides.resolvesLocally(subgraph, type, field.name(), provided)) {
                return false;
            }
            for (String runtimeType : runtimeTypes) {
                if (!planner.provides.resolvesLocally(subgraph, runtimeType, field.name(), provided)) {
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
                            || planner.supergraph.possibleTypes(fragment.typeCondition()).contains(runtimeType)) {
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
}
