package com.ventusvault.gateway.security;

import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Removes fields from a document by their {@link GuardedField#address() address}. Every selection set that loses a
 * field gets {@code _authzTypename: __typename} instead, so it is never empty and so {@link DeniedFields} can tell
 * which objects the removed field was selected on (and takes the placeholder out of the response again).
 */
final class DocumentFilter {

    static final String PLACEHOLDER = "_authzTypename";

    private DocumentFilter() {
    }

    /** A copy of {@code document} without the fields at {@code addresses}. */
    static Document without(Document document, String operationName, Set<String> addresses) {
        List<Definition> definitions = new ArrayList<>();
        for (Definition<?> definition : document.getDefinitions()) {
            definitions.add(switch (definition) {
                case OperationDefinition op when operationName == null || operationName.equals(op.getName()) ->
                        op.transform(b -> b.selectionSet(filter(op.getSelectionSet(), "o", addresses)));
                case FragmentDefinition fragment -> fragment.transform(b -> b.selectionSet(
                        filter(fragment.getSelectionSet(), "f:" + fragment.getName(), addresses)));
                default -> definition;
            });
        }
        return document.transform(b -> b.definitions(definitions));
    }

    /** Whether removing {@code addresses} leaves the operation's own root selection set without any field. */
    static boolean emptiesRoot(Document document, String operationName, Set<String> addresses) {
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof OperationDefinition op
                    && (operationName == null || operationName.equals(op.getName()))) {
                int roots = op.getSelectionSet().getSelections().size();
                for (int i = 0; i < roots; i++) {
                    if (!addresses.contains("o/" + i)) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }

    private static SelectionSet filter(SelectionSet set, String address, Set<String> addresses) {
        if (set == null) {
            return null;
        }
        List<Selection> kept = new ArrayList<>();
        boolean removed = false;
        List<Selection> selections = set.getSelections();
        for (int i = 0; i < selections.size(); i++) {
            String here = address + "/" + i;
            if (addresses.contains(here)) {
                removed = true;
                continue;
            }
            kept.add(switch (selections.get(i)) {
                case Field field when field.getSelectionSet() != null ->
                        field.transform(b -> b.selectionSet(filter(field.getSelectionSet(), here, addresses)));
                case InlineFragment inline ->
                        inline.transform(b -> b.selectionSet(filter(inline.getSelectionSet(), here, addresses)));
                default -> selections.get(i);
            });
        }
        if (removed && !address.equals("o")) {
            kept.add(Field.newField("__typename").alias(PLACEHOLDER).build());
        }
        return set.transform(b -> b.selections(kept));
    }
}
