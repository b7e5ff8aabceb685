package com.ventusvault.gateway.planning;

import com.ventusvault.gateway.planning.PlanNode.Condition;
import com.ventusvault.gateway.planning.PlanNode.Fetch;
import com.ventusvault.gateway.planning.PlanNode.Flatten;
import com.ventusvault.gateway.planning.PlanNode.Parallel;
import com.ventusvault.gateway.planning.PlanNode.Sequence;
import graphql.language.AstPrinter;
import graphql.language.VariableDefinition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a fetch dependency graph into plan nodes: groups that depend on nothing run in parallel, a group's
 * dependents run after it (in parallel with each other), groups with one shared {@code @skip}/{@code @include}
 * variable are wrapped in a Condition. A group with several parents falls back to running the graph in stages.
 */
final class PlanAssembler {

    private final Map<String, VariableDefinition> variables = new LinkedHashMap<>();
    private final String operationKind;

    PlanAssembler(ClientOperation operation) {
        operation.variables().forEach(v -> variables.put(v.getName(), v));
        this.operationKind = operation.kind();
    }

    PlanNode assemble(List<FetchGroup> groups) {
        if (groups.isEmpty()) {
            return null;
        }
        Map<FetchGroup, Set<FetchGroup>> parents = reduce(groups);
        boolean tree = parents.values().stream().allMatch(p -> p.size() <= 1);
        return tree ? asTree(groups, parents) : inStages(groups, parents);
    }

    /** Dependencies with the transitively implied ones removed. */
    private static Map<FetchGroup, Set<FetchGroup>> reduce(List<FetchGroup> groups) {
        Map<FetchGroup, Set<FetchGroup>> result = new LinkedHashMap<>();
        for (FetchGroup group : groups) {
            Set<FetchGroup> direct = new LinkedHashSet<>(group.dependsOn);
            for (FetchGroup dependency : group.dependsOn) {
                for (FetchGroup other : group.dependsOn) {
                    if (other != dependency && reaches(other, dependency, new HashSet<>())) {
                        direct.remove(dependency);
                    }
                }
            }
            result.put(group, direct);
        }
        return result;
    }

    private static boolean reaches(FetchGroup from, FetchGroup to, Set<FetchGroup> seen) {
        if (!seen.add(from)) {
            return false;
        }
        for (FetchGroup dependency : from.dependsOn) {
            if (dependency == to || reaches(dependency, to, seen)) {
                return true;
            }
        }
        return false;
    }

    private PlanNode asTree(List<FetchGroup> groups, Map<FetchGroup, Set<FetchGroup>> parents) {
        Map<FetchGroup, List<FetchGroup>> children = new HashMap<>();
        List<FetchGroup> roots = new ArrayList<>();
        for (FetchGroup group : groups) {
            Set<FetchGroup> p = parents.get(group);
            if (p.isEmpty()) {
                roots.add(group);
            } else {
                children.computeIfAbsent(p.iterator().next(), k -> new ArrayList<>()).add(group);
            }
        }
        return parallel(roots.stream().map(root -> subtree(root, children)).toList());
    }

    private PlanNode subtree(FetchGroup group, Map<FetchGroup, List<FetchGroup>> children) {
        List<FetchGroup> dependents = children.getOrDefault(group, List.of());
        PlanNode self = node(group);
        PlanNode result = dependents.isEmpty() ? self
                : sequence(List.of(self, parallel(dependents.stream().map(d -> subtree(d, children)).toList())));
        return conditional(group, result);
    }

    private PlanNode inStages(List<FetchGroup> groups, Map<FetchGroup, Set<FetchGroup>> parents) {
        Map<FetchGroup, Integer> stage = new HashMap<>();
        int last = 0;
        for (FetchGroup group : groups) {
            last = Math.max(last, stageOf(group, parents, stage));
        }
        List<PlanNode> stages = new ArrayList<>();
        for (int i = 0; i <= last; i++) {
            List<PlanNode> nodes = new ArrayList<>();
            for (FetchGroup group : groups) {
                if (stage.get(group) == i) {
                    nodes.add(conditional(group, node(group)));
                }
            }
            stages.add(parallel(nodes));
        }
        return sequence(stages);
    }

    private static int stageOf(FetchGroup group, Map<FetchGroup, Set<FetchGroup>> parents,
                               Map<FetchGroup, Integer> stage) {
        Integer known = stage.get(group);
        if (known != null) {
            return known;
        }
        int result = 0;
        for (FetchGroup parent : parents.get(group)) {
            result = Math.max(result, stageOf(parent, parents, stage) + 1);
        }
        stage.put(group, result);
        return result;
    }

    private static PlanNode conditional(FetchGroup group, PlanNode node) {
        Cond condition = group.sharedCondition();
        if (condition == null) {
            return node;
        }
        return condition.when() ? new Condition(condition.variable(), node, null)
                : new Condition(condition.variable(), null, node);
    }

    private PlanNode node(FetchGroup group) {
        Set<String> used = new LinkedHashSet<>();
        group.selection.collectVariables(used);
        String selection = group.selection.print();
        String definitions = definitions(used, group.entity);
        if (!group.entity) {
            String kind = operationKind.equals("mutation") || operationKind.equals("subscription") ? operationKind
                    : "query";
            String operation = definitions.isEmpty() && kind.equals("query") ? selection
                    : kind + definitions + selection;
            return new Fetch(group.subgraph, List.of(), operation, operation, List.copyOf(used), kind);
        }
        String operation = "query" + definitions + "{_entities(representations:$representations)" + selection + "}";
        Fetch fetch = new Fetch(group.subgraph, group.requires.toRequiredFragments(), operation, selection,
                List.copyOf(used), "query");
        return new Flatten(group.path, fetch);
    }

    private String definitions(Set<String> used, boolean entity) {
        List<String> parts = new ArrayList<>();
        if (entity) {
            parts.add("$representations:[_Any!]!");
        }
        for (String name : used) {
            VariableDefinition definition = variables.get(name);
            if (definition == null) {
                throw new IllegalStateException("Variable $" + name + " is used but not defined by the operation");
            }
            String text = "$" + name + ":" + AstPrinter.printAstCompact(definition.getType());
            if (definition.getDefaultValue() != null) {
                text += "=" + AstPrinter.printAstCompact(definition.getDefaultValue());
            }
            parts.add(text);
        }
        return parts.isEmpty() ? "" : "(" + String.join(",", parts) + ")";
    }

    static PlanNode parallel(List<PlanNode> nodes) {
        return nodes.size() == 1 ? nodes.getFirst() : new Parallel(nodes);
    }

    static PlanNode sequence(List<PlanNode> nodes) {
        List<PlanNode> flat = new ArrayList<>();
        for (PlanNode node : nodes) {
            if (node instanceof Sequence sequence) {
                flat.addAll(sequence.nodes());
            } else {
                flat.add(node);
            }
        }
        return flat.size() == 1 ? flat.getFirst() : new Sequence(flat);
    }
}
