package com.ventusvault.gateway.planning;

import com.ventusvault.gateway.supergraph.Supergraph;
import graphql.language.Field;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;

import java.util.ArrayList;
import java.util.List;

/**
 * What a {@code @provides} selection lets the current subgraph answer: a field is resolved locally when the
 * subgraph resolves it or when the selection provided along the path to here (for this type) contains it.
 */
final class ProvidedSelections {

    private final Supergraph supergraph;

    ProvidedSelections(Supergraph supergraph) {
        this.supergraph = supergraph;
    }

    boolean resolvesLocally(String subgraph, String type, String field, SelectionSet provided) {
        SelectionSet forType = providedFor(provided, type);
        return supergraph.resolves(subgraph, type, field) || providedBelow(forType, field) != null
                || isProvidedLeaf(forType, field);
    }

    /** The part of a {@code @provides} selection that applies to objects of {@code type}. */
    SelectionSet providedFor(SelectionSet provided, String type) {
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

    static SelectionSet providedBelow(SelectionSet provided, String field) {
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

    static boolean isProvidedLeaf(SelectionSet provided, String field) {
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
}
