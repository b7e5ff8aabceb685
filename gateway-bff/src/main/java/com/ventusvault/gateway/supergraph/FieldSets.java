package com.ventusvault.gateway.supergraph;

import graphql.language.OperationDefinition;
import graphql.parser.Parser;

/** Parses federation field sets such as {@code "id organization { id }"} into selection sets. */
public final class FieldSets {

    private FieldSets() {
    }

    /** Parses {@code text}; throws graphql-java's {@code InvalidSyntaxException} when it is not a selection set. */
    public static FieldSet parse(String text) {
        var document = Parser.parse("{" + text + "}");
        var operation = (OperationDefinition) document.getDefinitions().getFirst();
        return new FieldSet(text, operation.getSelectionSet());
    }
}
