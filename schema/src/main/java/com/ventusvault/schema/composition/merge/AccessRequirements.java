package com.ventusvault.schema.composition.merge;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Merges {@code @requiresScopes} of one element declared in several subgraphs. Each declaration is a disjunction of
 * conjunctions ({@code [["a", "b"], ["c"]]} = a and b, or c). As Apollo's composition does since Federation 2.9, the
 * supergraph requires every subgraph's condition at once (their conjunction), so no subgraph's rule is loosened by
 * another's: the product of the alternatives, each inner list sorted and de-duplicated, with alternatives that
 * contain another alternative dropped (they add nothing).
 */
final class AccessRequirements {

    private AccessRequirements() {
    }

    static List<List<String>> conjunction(List<List<List<String>>> declarations) {
        if (declarations.size() <= 1) {
            return declarations.isEmpty() ? List.of() : declarations.getFirst(); // one subgraph's rule, as written
        }
        List<Set<String>> product = declarations.getFirst().stream().map(AccessRequirements::sorted).toList();
        for (List<List<String>> next : declarations.subList(1, declarations.size())) {
            List<Set<String>> combined = new ArrayList<>();
            for (Set<String> left : product) {
                for (List<String> right : next) {
                    Set<String> both = new LinkedHashSet<>(left);
                    both.addAll(right);
                    combined.add(sorted(List.copyOf(both)));
                }
            }
            product = combined;
        }
        List<Set<String>> minimal = new ArrayList<>();
        for (int i = 0; i < product.size(); i++) {
            Set<String> candidate = product.get(i);
            boolean implied = false;
            for (int j = 0; j < product.size() && !implied; j++) {
                Set<String> other = product.get(j);
                // a strict superset adds nothing; of equal alternatives the first is kept
                implied = j != i && candidate.containsAll(other) && (other.size() < candidate.size() || j < i);
            }
            if (!implied) {
                minimal.add(candidate);
            }
        }
        return minimal.stream().map(s -> (List<String>) List.copyOf(s)).toList();
    }

    private static Set<String> sorted(List<String> scopes) {
        return new LinkedHashSet<>(scopes.stream().distinct().sorted().toList());
    }
}
