package com.ventusvault.gateway.planning;

import graphql.language.Directive;

import java.util.List;

/**
 * An inline fragment or inlined fragment spread.
 *
 * @param typeCondition the type condition, or null when it applies to the enclosing type
 * @param conditions    its {@code @skip}/{@code @include} directives
 * @param selections    what it selects
 */
public record ClientFragment(String typeCondition, List<Directive> conditions, List<ClientSelection> selections)
        implements ClientSelection {

    public ClientFragment {
        conditions = List.copyOf(conditions);
        selections = List.copyOf(selections);
    }
}
