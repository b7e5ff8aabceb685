package com.ventusvault.gateway.planning;

import com.ventusvault.gateway.supergraph.FieldSet;
import com.ventusvault.gateway.supergraph.Supergraph;
import graphql.language.Field;
import graphql.language.Selection;
import graphql.language.SelectionSet;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The key edges of the query graph for one entity type: subgraph A can hand an object over to subgraph B when B
 * has a resolvable {@code @key} for the type whose fields A resolves. Finds the shortest chain of such edges.
 */
final class KeyPaths {

    /** One key edge: ask {@code subgraph} for the entity, as {@code type}, by {@code key}. */
    record Hop(String subgraph, FieldSet key, String type) {
    }

    private final Supergraph supergraph;
    private final ProvidedSelections provides;

    KeyPaths(Supergraph supergraph) {
        this.supergraph = supergraph;
        this.provides = new ProvidedSelections(supergraph);
    }

    /**
     * The shortest chain of key edges from {@code from} to {@code to} for {@code type}; empty when they are the same
     * subgraph and {@code mustJump} is false; null when {@code to} cannot be reached.
     */
    List<Hop> find(String from, String type, String to, boolean mustJump) {
        return find(from, type, to, mustJump, null);
    }

    /**
     * Like {@link #find(String, String, String, boolean)}, where {@code from} also has the fields of
     * {@code provided} (the {@code @provides} selection that applies where the jump starts) for the first edge.
     */
    List<Hop> find(String from, String type, String to, boolean mustJump, SelectionSet provided) {
        if (from.equals(to)) {
            if (!mustJump) {
                return List.of();
            }
            FieldSet key = usableKey(from, type, type, to, provided);
            return key == null ? null : List.of(new Hop(to, key, type));
        }
        Map<String, Hop> reachedBy = new HashMap<>();
        Map<String, String> previous = new HashMap<>();
        Set<String> candidates = supergraph.type(type).subgraphs();
        Deque<String> queue = new ArrayDeque<>();
        queue.add(from);
        previous.put(from, null);
        while (!queue.isEmpty()) {
            String current = queue.poll();
            if (current.equals(to)) {
                List<Hop> hops = new ArrayList<>();
                for (String at = to; !at.equals(from); at = previous.get(at)) {
                    hops.addFirst(reachedBy.get(at));
                }
                return hops;
            }
            for (String next : candidates) {
                if (previous.containsKey(next)) {
                    continue;
                }
                FieldSet key = usableKey(current, type, type, next, current.equals(from) ? provided : null);
                if (key != null) {
                    previous.put(next, current);
                    reachedBy.put(next, new Hop(next, key, type));
                    queue.add(next);
                }
            }
        }
        return null;
    }

    /**
     * The key edges from {@code from} to {@code to}, where {@code to} declares {@code keyType} (an interface) as an
     * {@code @interfaceObject} and objects of {@code type} implement it: directly, or after one hop within
     * {@code type} to a subgraph that resolves the interface's key fields. Null when unreachable.
     */
    List<Hop> findInterfaceObject(String from, String type, String keyType, String to) {
        FieldSet direct = usableKey(from, type, keyType, to);
        if (direct != null) {
            return List.of(new Hop(to, direct, keyType));
        }
        for (String via : supergraph.type(type).subgraphs()) {
            FieldSet key = usableKey(via, type, keyType, to);
            List<Hop> first = key == null || via.equals(from) ? null : find(from, type, via, false);
            if (first != null) {
                List<Hop> hops = new ArrayList<>(first);
                hops.add(new Hop(to, key, keyType));
                return hops;
            }
        }
        return null;
    }

    /** A resolvable key of {@code type} in {@code to} whose fields {@code from} resolves, or null. */
    private FieldSet usableKey(String from, String type, String to) {
        return usableKey(from, type, type, to);
    }

    private FieldSet usableKey(String from, String type, String keyType, String to) {
        return usableKey(from, type, keyType, to, null);
    }

    private FieldSet usableKey(String from, String type, String keyType, String to, SelectionSet provided) {
        for (FieldSet key : supergraph.type(keyType).resolvableKeys(to)) {
            if (resolvesAll(from, type, key.selections(), provided)) {
                return key;
            }
        }
        return null;
    }

    private boolean resolvesAll(String subgraph, String type, SelectionSet set, SelectionSet provided) {
        SelectionSet forType = provides.providedFor(provided, type);
        for (Selection<?> selection : set.getSelections()) {
            if (!(selection instanceof Field field)) {
                return false;
            }
            boolean isProvided = ProvidedSelections.isProvidedLeaf(forType, field.getName());
            if (!supergraph.resolves(subgraph, type, field.getName()) && !isProvided) {
                return false;
            }
            if (field.getSelectionSet() != null && !resolvesAll(subgraph,
                    supergraph.field(type, field.getName()).namedType(), field.getSelectionSet(),
                    isProvided ? ProvidedSelections.providedBelow(forType, field.getName()) : null)) {
                return false;
            }
        }
        return true;
    }
}
