package com.ventusvault.gateway.planning;

import graphql.language.VariableDefinition;

import java.util.List;

/**
 * The client's selected operation, normalised by {@link OperationNormalizer}.
 *
 * @param kind       query, mutation or subscription
 * @param name       operation name, or null
 * @param rootType   the root type name the selections apply to
 * @param variables  the variable definitions as written
 * @param selections root selections
 */
public record ClientOperation(String kind, String name, String rootType, List<VariableDefinition> variables,
                              List<ClientSelection> selections) {

    public ClientOperation {
        variables = List.copyOf(variables);
        selections = List.copyOf(selections);
    }
}
