package com.ventusvault.gateway.planning;

import com.ventusvault.gateway.supergraph.FieldDef;
import com.ventusvault.gateway.supergraph.JoinField;
import com.ventusvault.gateway.supergraph.Supergraph;
import com.ventusvault.gateway.supergraph.TypeKind;
import graphql.language.SelectionSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Walks client selections over the query graph and places every field in a fetch group: in the current group
 * when its subgraph resolves the field, else in an entity group reached over key edges (adding key fields to the
 * current group), fetching {@code @requires} fields first. Abstract types are planned per possible runtime type
 * unless the current subgraph resolves every selected field for all of them.
 *
 * <p>This class is the walk itself (fields placed locally or handed on); each other concern lives in its own
 * package-private class: {@link EntityJumps} (routing a field to another subgraph over key edges, {@code @requires},
 * splitting a selection across subgraphs), {@link CollectedKeys} (keys gathered from several subgraphs),
 * {@link AbstractTypes}, {@link InterfaceObjects}, {@link ProvidedSelections} ({@code @provides}) and
 * {@link RequiredFields} (federation field sets as client selections).
 */
final class SelectionPlanner {

    final Supergraph supergraph;
    final FetchGraph graph;
    final KeyPaths keyPaths;

    /** Fields whose keys are being collected (by this planner or the dry runs it started): a recursion guard. */
    final Set<String> collecting;

    /**
     * Dry-run costs already measured during this planning run (shared with the dry runs): every dry run costs the
     * fields below it again for each candidate subgraph, so without this the work grows exponentially with depth.
     */
    private final java.util.Map<CostKey, Integer> costs;

    /** What a dry run's cost depends on; {@code provided} compares by identity (AST nodes have no value equality). */
    private record CostKey(String subgraph, String type, ClientField field, List<String> path,
                           SelectionSet provided, Set<String> collecting) {

        @Override
        public boolean equals(Object o) {
            return o instanceof CostKey k && subgraph.equals(k.subgraph) && type.equals(k.type)
                    && field.equals(k.field) && path.equals(k.path) && provided == k.provided
                    && collecting.equals(k.collecting);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(subgraph, type, field, path, System.identityHashCode(provided),
                    collecting);
        }
    }

    /**
     * The fields being planned locally, innermost first: which subgraphs could still resolve the path down to a
     * union decides which of its members a subgraph may return there (see {@link AbstractTypes}).
     */
    final java.util.Deque<PathStep> walked = new java.util.ArrayDeque<>();

    /** One field on the path being planned: {@code parentType.field}, planned as {@code childType}. */
    record PathStep(String parentType, String field, String childType) {
    }

    final ProvidedSelections provides;
    final RequiredFields required;
    final EntityJumps jumps;
    final CollectedKeys collectedKeys;
    final AbstractTypes abstractTypes;
    final InterfaceObjects interfaceObjects;

    SelectionPlanner(Supergraph supergraph, FetchGraph graph) {
        this(supergraph, graph, new java.util.HashSet<>(), new java.util.HashMap<>());
    }

    private SelectionPlanner(Supergraph supergraph, FetchGraph graph, Set<String> collecting,
                             java.util.Map<CostKey, Integer> costs) {
        this.supergraph = supergraph;
        this.graph = graph;
        this.keyPaths = new KeyPaths(supergraph);
        this.collecting = collecting;
        this.costs = costs;
        this.provides = new ProvidedSelections(supergraph);
        this.required = new RequiredFields(supergraph);
        this.jumps = new EntityJumps(this);
        this.collectedKeys = new CollectedKeys(this);
        this.abstractTypes = new AbstractTypes(this);
        this.interfaceObjects = new InterfaceObjects(this);
    }

    /** A planner over a scratch fetch graph sharing this one's recursion guard, for dry runs. */
    SelectionPlanner dryRun(FetchGraph scratch) {
        return new SelectionPlanner(supergraph, scratch, collecting, costs);
    }

    /** Plans {@code selections} on {@code type} inside {@code target}, which belongs to {@code group}. */
    void plan(FetchGroup group, SubgraphSelection target, String type, List<ClientSelection> selections,
              List<String> path, SelectionSet provided, Cond cond) {
        TypeKind kind = supergraph.type(type).kind();
        if (kind.isAbstract()) {
            abstractTypes.plan(group, target, type, selections, path, provided, cond);
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

    void planField(FetchGroup group, SubgraphSelection target, String type, ClientField field,
                           List<String> path, SelectionSet provided, Cond cond) {
        Cond own = cond.and(field.conditions());
        if (own == Cond.NEVER || field.name().startsWith("__")) {
            return; // __typename is answered by the executor; introspection by the gateway
        }
        JoinField localJoin = supergraph.field(type, field.name()).joinFor(group.subgraph);
        boolean needsRequires = localJoin != null && localJoin.requires() != null;
        String exclude = null;
        if (!needsRequires && provides.resolvesLocally(group.subgraph, type, field.name(), provided)) {
            if (field.selections().isEmpty() || cost(group.subgraph, type, field, path, provided) >= 0) {
                addLocal(group, target, type, field, path, provided, own);
                return;
            }
            exclude = group.subgraph; // the field is here but what the client selects below it is not reachable
        }
        EntityJumps.Route route = jumps.route(group, type, field, path, exclude, provided);
        if (route == null) {
            if (jumps.splitAcrossSubgraphs(group, target, type, field, path, provided, own, exclude != null)) {
                return;
            }
            if (collectedKeys.plan(group, target, type, field, path, provided, own)) {
                return;
            }
            throw new PlanningException("Cannot plan field '" + type + "." + field.name() + "' at path '"
                    + String.join(".", path) + "': " + (exclude != null
                    ? "a field selected below it cannot be reached from any subgraph that resolves it"
                    : "subgraph '" + group.subgraph + "' does not resolve it and no subgraph that does is "
                    + "reachable through a resolvable @key"));
        }
        jumps.planRemote(group, target, type, field, path, provided, own, route);
    }

    /**
     * How many fetches planning {@code field} (with its sub-selections) in {@code subgraph} takes, or -1 when it
     * cannot be planned there: a dry run on a scratch fetch graph, used to choose between subgraphs.
     */
    int cost(String subgraph, String type, ClientField field, List<String> path, SelectionSet provided) {
        CostKey key = new CostKey(subgraph, type, field, List.copyOf(path), provided, Set.copyOf(collecting));
        Integer known = costs.get(key);
        if (known == null) {
            known = measure(subgraph, type, field, path, provided);
            costs.put(key, known);
        }
        return known;
    }

    /**
     * How many fields planning {@code field} in {@code subgraph} leaves to entity fetches (a dry run): breaks ties
     * between subgraphs of equal cost in favour of the one that answers more itself, e.g. through {@code @provides}.
     */
    int remoteFields(String subgraph, String type, ClientField field, List<String> path, SelectionSet provided) {
        FetchGraph scratch = new FetchGraph();
        FetchGroup root = scratch.rootGroup(subgraph);
        try {
            dryRun(scratch).addLocal(root, root.selection, type, field, path, provided, Cond.ALWAYS);
        } catch (PlanningException e) {
            return Integer.MAX_VALUE;
        }
        int count = 0;
        for (FetchGroup group : scratch.groups()) {
            count += group == root ? 0 : group.selection.fieldCount();
        }
        return count;
    }

    private int measure(String subgraph, String type, ClientField field, List<String> path, SelectionSet provided) {
        FetchGraph scratch = new FetchGraph();
        FetchGroup root = scratch.rootGroup(subgraph);
        try {
            dryRun(scratch).addLocal(root, root.selection, type, field, path, provided, Cond.ALWAYS);
            return scratch.groups().size();
        } catch (PlanningException e) {
            return -1;
        }
    }

    void addLocal(FetchGroup group, SubgraphSelection target, String type, ClientField field,
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
        SelectionSet childProvided = ProvidedSelections.providedBelow(provides.providedFor(provided, type),
                field.name());
        JoinField join = def.joinFor(group.subgraph);
        if (join != null && join.provides() != null) {
            childProvided = join.provides().selections();
        }
        String childType = subgraphNamedType(def, join);
        String clientType = namedType(field.type());
        if ((!childType.equals(def.namedType()) && supergraph.type(def.namedType()).kind().isAbstract())
                || (clientType != null && !clientType.equals(childType) && supergraph.types().containsKey(clientType)
                && supergraph.type(clientType).kind().isAbstract())) {
            // the client sees an abstract type (here, or where it selected the field through an interface): the
            // response needs the runtime type
            children.addTypename();
        }
        walked.push(new PathStep(type, field.name(), childType));
        try {
            plan(group, children, childType, field.selections(), childPath, childProvided, cond);
        } finally {
            walked.pop();
        }
        if (children.isEmpty()) {
            children.addTypename();
        }
    }

    private static String namedType(graphql.language.Type<?> type) {
        graphql.language.Type<?> t = type;
        while (t instanceof graphql.language.ListType || t instanceof graphql.language.NonNullType) {
            t = t instanceof graphql.language.ListType list ? list.getType()
                    : ((graphql.language.NonNullType) t).getType();
        }
        return t instanceof graphql.language.TypeName name ? name.getName() : null;
    }

    /** The field's named type as the subgraph declares it ({@code @join__field(type:)}), which may be narrower. */
    private String subgraphNamedType(FieldDef def, JoinField join) {
        if (join == null || join.type() == null) {
            return def.namedType();
        }
        String named = join.type().replaceAll("[\\[\\]!\\s]", "");
        return supergraph.types().containsKey(named) ? named : def.namedType();
    }

    /** See {@link EntityJumps#partition}. */
    java.util.Map<String, List<ClientSelection>> partition(List<String> candidates, String type, ClientField field,
                                                           List<String> path, String providedIn,
                                                           SelectionSet provided) {
        return jumps.partition(candidates, type, field, path, providedIn, provided);
    }
}
