package com.ventusvault.gateway.planning;

import com.ventusvault.gateway.supergraph.Supergraph;
import graphql.language.Document;

import java.util.ArrayList;
import java.util.List;

/**
 * Plans client operations over a supergraph.
 *
 * <p>The algorithm follows the known federation approach (see DESIGN.md): the supergraph is a query graph whose
 * nodes are (type, subgraph) pairs, with field edges inside a subgraph and key edges between subgraphs that share
 * an entity. {@link SelectionPlanner} walks the operation over that graph, staying in the current subgraph while it
 * resolves the fields and taking the shortest chain of key edges otherwise, which builds a fetch dependency graph
 * ({@link FetchGraph}); {@link PlanAssembler} turns that graph into Sequence, Parallel, Flatten and Condition nodes.
 * Query root fields are grouped into one fetch per subgraph; mutation root fields run strictly in order, with
 * consecutive fields of one subgraph sharing a fetch. Plans are pure functions of the supergraph and the operation.
 */
public final class QueryPlanner {

    private final Supergraph supergraph;
    private final OperationNormalizer normalizer;

    public QueryPlanner(Supergraph supergraph) {
        this.supergraph = supergraph;
        this.normalizer = new OperationNormalizer(supergraph);
    }

    /** Plans the operation named {@code operationName} (or the only one) of a document valid against the API. */
    public QueryPlan plan(Document document, String operationName) {
        ClientOperation operation = normalizer.normalize(document, operationName);
        return switch (operation.kind()) {
            case "query" -> new QueryPlan(planQuery(operation), operation);
            case "mutation" -> new QueryPlan(planMutation(operation), operation);
            case "subscription" -> new QueryPlan(planSubscription(operation), operation);
            default -> throw new PlanningException("Operation kind '" + operation.kind() + "' is not supported yet");
        };
    }

    private PlanNode planQuery(ClientOperation operation) {
        FetchGraph graph = new FetchGraph();
        SelectionPlanner planner = new SelectionPlanner(supergraph, graph);
        planRootSelections(operation, operation.selections(), graph, planner, List.of(), Cond.ALWAYS);
        return new PlanAssembler(operation).assemble(graph.groups());
    }

    private void planRootSelections(ClientOperation operation, List<ClientSelection> selections, FetchGraph graph,
                                    SelectionPlanner planner, List<ClientFragment> enclosing, Cond cond) {
        for (ClientSelection selection : selections) {
            switch (selection) {
                case ClientField field -> {
                    if (field.name().startsWith("__")) {
                        continue;
                    }
                    List<String> candidates = supergraph.resolvingSubgraphs(operation.rootType(), field.name());
                    if (candidates.isEmpty()) {
                        throw new PlanningException("No subgraph resolves root field '" + operation.rootType() + "."
                                + field.name() + "'");
                    }
                    List<String> cheapest = cheapest(planner, operation, field, candidates);
                    if (cheapest == null) {
                        var parts = planner.partition(candidates, operation.rootType(), field, List.of(), null, null);
                        if (parts != null) { // a shared root field whose selections live in different subgraphs
                            for (var part : parts.entrySet()) {
                                planRootField(operation, field.withSelections(part.getValue()),
                                        List.of(part.getKey()), graph, planner, enclosing, cond);
                            }
                            continue;
                        }
                        cheapest = candidates;
                    }
                    planRootField(operation, field, cheapest, graph, planner, enclosing, cond);
                }

                case ClientFragment fragment -> {
                    if (fragment.typeCondition() != null && !fragment.typeCondition().equals(operation.rootType())) {
                        continue;
                    }
                    Cond inner = cond.and(fragment.conditions());
                    if (inner == Cond.NEVER) {
                        continue;
                    }
                    List<ClientFragment> nested = new ArrayList<>(enclosing);
                    if (!fragment.conditions().isEmpty()) {
                        nested.add(fragment);
                    }
                    planRootSelections(operation, fragment.selections(), graph, planner, nested, inner);
                }
            }
        }
    }

    private static void planRootField(ClientOperation operation, ClientField field, List<String> candidates,
                                      FetchGraph graph, SelectionPlanner planner, List<ClientFragment> enclosing,
                                      Cond cond) {
        FetchGroup group = graph.existingRootGroup(candidates);
        if (group == null) {
            group = graph.rootGroup(candidates.getFirst());
        }
        SubgraphSelection target = group.selection;
        for (ClientFragment fragment : enclosing) {
            target = target.fragment(null, fragment.conditions());
            target.topLevelOf = group;
        }
        planner.plan(group, target, operation.rootType(), List.of(field), List.of(), null, cond);
    }

    /**
     * The candidates that can plan {@code field}'s whole selection with the fewest fetches (all of them when
     * there is only one or it is a leaf), or null when none can.
     */
    private static List<String> cheapest(SelectionPlanner planner, ClientOperation operation, ClientField field,
                                         List<String> candidates) {
        if (candidates.size() < 2 || field.selections().isEmpty()) {
            return candidates;
        }
        int best = Integer.MAX_VALUE;
        List<String> result = new ArrayList<>();
        for (String candidate : candidates) {
            int cost = planner.cost(candidate, operation.rootType(), field, List.of(), null);
            if (cost >= 0 && cost < best) {
                best = cost;
                result.clear();
            }
            if (cost >= 0 && cost == best) {
                result.add(candidate);
            }
        }
        if (result.size() > 1) { // equal cost: prefer the subgraphs that leave the fewest fields to entity fetches
            int fewest = Integer.MAX_VALUE;
            List<String> tied = new ArrayList<>();
            for (String candidate : result) {
                int remote = planner.remoteFields(candidate, operation.rootType(), field, List.of(), null);
                if (remote < fewest) {
                    fewest = remote;
                    tied.clear();
                }
                if (remote == fewest) {
                    tied.add(candidate);
                }
            }
            return tied;
        }
        return result.isEmpty() ? null : result;
    }

    /**
     * A subscription has one root field (validation guarantees it), planned like a query: its root fetch becomes
     * the primary fetch (a {@code subscription} operation to the owning subgraph) and whatever depends on it
     * becomes the rest, run per event.
     */
    private PlanNode planSubscription(ClientOperation operation) {
        PlanNode whole = planQuery(operation);
        return switch (whole) {
            case null -> null;
            case PlanNode.Fetch primary when !primary.isEntityFetch() -> new PlanNode.Subscription(primary, null);
            case PlanNode.Sequence sequence when sequence.nodes().getFirst() instanceof PlanNode.Fetch primary
                    && !primary.isEntityFetch() -> {
                List<PlanNode> rest = sequence.nodes().subList(1, sequence.nodes().size());
                yield new PlanNode.Subscription(primary, rest.size() == 1 ? rest.getFirst()
                        : PlanAssembler.sequence(rest));
            }
            default -> throw new PlanningException("Subscription root fields must be fetched unconditionally from "
                    + "one subgraph");
        };
    }

    /** Each run of consecutive root fields owned by one subgraph is one step; steps run strictly in order. */
    private PlanNode planMutation(ClientOperation operation) {
        List<PlanNode> steps = new ArrayList<>();
        List<ClientSelection> run = new ArrayList<>();
        String runSubgraph = null;
        for (ClientSelection selection : flattenRoot(operation, operation.selections())) {
            String subgraph = selection instanceof ClientField field && !field.name().startsWith("__")
                    ? subgraphFor(operation, field, runSubgraph) : runSubgraph;
            if (runSubgraph != null && !runSubgraph.equals(subgraph)) {
                steps.add(planStep(operation, run));
                run = new ArrayList<>();
            }
            runSubgraph = subgraph;
            run.add(selection);
        }
        if (!run.isEmpty()) {
            steps.add(planStep(operation, run));
        }
        List<PlanNode> nodes = steps.stream().filter(n -> n != null).toList();
        return nodes.isEmpty() ? null : PlanAssembler.sequence(nodes);
    }

    private PlanNode planStep(ClientOperation operation, List<ClientSelection> run) {
        FetchGraph graph = new FetchGraph();
        planRootSelections(operation, run, graph, new SelectionPlanner(supergraph, graph), List.of(), Cond.ALWAYS);
        return new PlanAssembler(operation).assemble(graph.groups());
    }

    private String subgraphFor(ClientOperation operation, ClientField field, String previous) {
        List<String> candidates = supergraph.resolvingSubgraphs(operation.rootType(), field.name());
        if (candidates.isEmpty()) {
            throw new PlanningException("No subgraph resolves root field '" + operation.rootType() + "."
                    + field.name() + "'");
        }
        return candidates.contains(previous) ? previous : candidates.getFirst();
    }

    /** Root selections with unconditional root fragments inlined, so mutation fields can be ordered. */
    private static List<ClientSelection> flattenRoot(ClientOperation operation, List<ClientSelection> selections) {
        List<ClientSelection> result = new ArrayList<>();
        for (ClientSelection selection : selections) {
            if (selection instanceof ClientFragment fragment && fragment.conditions().isEmpty()
                    && (fragment.typeCondition() == null || fragment.typeCondition().equals(operation.rootType()))) {
                result.addAll(flattenRoot(operation, fragment.selections()));
            } else {
                result.add(selection);
            }
        }
        return result;
    }
}
