package com.ventusvault.gateway.planning;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fetch dependency graph of one planning run: fetch groups, found or created by subgraph and merge path, and
 * the trackers that record which groups a {@code @requires} selection touched.
 */
final class FetchGraph {

    private final List<FetchGroup> groups = new ArrayList<>();
    private final Map<String, FetchGroup> byKey = new LinkedHashMap<>();
    private final Deque<Set<FetchGroup>> trackers = new ArrayDeque<>();

    List<FetchGroup> groups() {
        return groups;
    }

    FetchGroup rootGroup(String subgraph) {
        return byKey.computeIfAbsent("root:" + subgraph, k -> add(new FetchGroup(groups.size(), subgraph, false,
                List.of(), null)));
    }

    /** The root group already created for one of {@code subgraphs}, if any. */
    FetchGroup existingRootGroup(List<String> subgraphs) {
        for (String subgraph : subgraphs) {
            FetchGroup group = byKey.get("root:" + subgraph);
            if (group != null) {
                return group;
            }
        }
        return null;
    }

    /**
     * The entity group for {@code subgraph} at {@code path} after {@code parent}; {@code asInterface} names the
     * interface when the subgraph is asked for interface objects (their representations differ), else "".
     */
    FetchGroup entityGroup(String subgraph, List<String> path, FetchGroup parent, String asInterface) {
        String key = "entity:" + subgraph + ":" + String.join(".", path) + ":" + parent.id + ":" + asInterface;
        FetchGroup group = byKey.computeIfAbsent(key, k -> add(new FetchGroup(groups.size(), subgraph, true,
                path, parent)));
        touch(group);
        return group;
    }

    /** The entity group {@link #entityGroup} would return, or null when there is none yet. */
    FetchGroup findEntityGroup(String subgraph, List<String> path, FetchGroup parent, String asInterface) {
        return byKey.get("entity:" + subgraph + ":" + String.join(".", path) + ":" + parent.id + ":" + asInterface);
    }

    boolean hasEntityGroup(String subgraph, List<String> path, FetchGroup parent, String asInterface) {
        return byKey.containsKey("entity:" + subgraph + ":" + String.join(".", path) + ":" + parent.id + ":"
                + asInterface);
    }

    /** Records that {@code group} received a selection, for every active tracker. */
    void touch(FetchGroup group) {
        trackers.forEach(t -> t.add(group));
    }

    void startTracking() {
        trackers.push(new HashSet<>());
    }

    Set<FetchGroup> stopTracking() {
        return trackers.pop();
    }

    private FetchGroup add(FetchGroup group) {
        groups.add(group);
        return group;
    }
}
