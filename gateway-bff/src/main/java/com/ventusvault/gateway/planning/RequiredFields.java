package com.ventusvault.gateway.planning;

import com.ventusvault.gateway.supergraph.FieldDef;
import com.ventusvault.gateway.supergraph.Supergraph;
import graphql.language.Field;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;

import java.util.ArrayList;
import java.util.List;

/**
 * Federation field sets ({@code @key}, {@code @requires}) turned into client selections, so the fields an entity
 * fetch needs are planned like any field a client selects.
 */
final class RequiredFields {

    private final Supergraph supergraph;

    RequiredFields(Supergraph supergraph) {
        this.supergraph = supergraph;
    }

    /** A federation field set as client selections, so required fields are planned like any other. */
    List<ClientSelection> toClientSelections(String type, SelectionSet set) {
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
