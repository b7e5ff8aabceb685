package com.ventusvault.gateway.planning;

import graphql.language.Argument;
import graphql.language.Directive;
import graphql.language.Type;

import java.util.List;

/**
 * A field the client selected.
 *
 * @param responseKey the key the client sees (alias or name)
 * @param storageKey  the key the gateway uses in subgraph queries and intermediate results; equals the response
 *                    key unless that alias would collide with a field name the planner may add (e.g. a key field)
 * @param name        field name
 * @param arguments   arguments as written (literals and variables)
 * @param conditions  the field's {@code @skip}/{@code @include} directives
 * @param parentType  the type the field is selected on
 * @param type        the field's type, or null for introspection fields
 * @param selections  sub-selections for composite fields
 */
public record ClientField(String responseKey, String storageKey, String name, List<Argument> arguments,
                          List<Directive> conditions, String parentType, Type<?> type,
                          List<ClientSelection> selections) implements ClientSelection {

    public ClientField {
        arguments = List.copyOf(arguments);
        conditions = List.copyOf(conditions);
        selections = List.copyOf(selections);
    }

    /** This field with other sub-selections (a part of it planned in one subgraph). */
    public ClientField withSelections(List<ClientSelection> subset) {
        return new ClientField(responseKey, storageKey, name, arguments, conditions, parentType, type, subset);
    }

    /** The alias to send to subgraphs, or null when the storage key is the field name. */
    public String subgraphAlias() {
        return storageKey.equals(name) ? null : storageKey;
    }
}
