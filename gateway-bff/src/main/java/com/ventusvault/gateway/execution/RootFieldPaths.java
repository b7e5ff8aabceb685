package com.ventusvault.gateway.execution;

import com.ventusvault.gateway.planning.PlanNode.Fetch;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.parser.Parser;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The client response keys of the root fields a root fetch asks for, so that an error of a failed root fetch
 * carries the path of every root field it left null. Read from the fetch's operation text on first failure.
 */
final class RootFieldPaths {

    private final Map<String, List<String>> keysByOperation = new ConcurrentHashMap<>();

    /** One single-segment path per root field of {@code fetch} (client keys, planner aliases restored). */
    List<List<Object>> of(Fetch fetch) {
        return keysByOperation.computeIfAbsent(fetch.operation(), RootFieldPaths::keys).stream()
                .map(key -> List.<Object>of(key)).toList();
    }

    private static List<String> keys(String operation) {
        try {
            var document = Parser.parse(operation);
            Map<String, FragmentDefinition> fragments = document.getDefinitionsOfType(FragmentDefinition.class)
                    .stream().collect(Collectors.toMap(FragmentDefinition::getName, f -> f, (a, b) -> a));
            Set<String> keys = new LinkedHashSet<>();
            for (OperationDefinition definition : document.getDefinitionsOfType(OperationDefinition.class)) {
                collect(definition.getSelectionSet(), fragments, keys, 0);
            }
            return List.copyOf(keys);
        } catch (RuntimeException e) {
            return List.of(); // an error without path is still an error
        }
    }

    private static void collect(SelectionSet set, Map<String, FragmentDefinition> fragments, Set<String> into,
                                int depth) {
        if (set == null || depth > 16) {
            return;
        }
        for (Selection<?> selection : set.getSelections()) {
            switch (selection) {
                case Field field when !field.getName().startsWith("__") ->
                        into.add(String.valueOf(ExecutionState.clientSegment(field.getResultKey())));
                case InlineFragment inline -> collect(inline.getSelectionSet(), fragments, into, depth + 1);
                case FragmentSpread spread when fragments.containsKey(spread.getName()) ->
                        collect(fragments.get(spread.getName()).getSelectionSet(), fragments, into, depth + 1);
                default -> {
                }
            }
        }
    }
}
