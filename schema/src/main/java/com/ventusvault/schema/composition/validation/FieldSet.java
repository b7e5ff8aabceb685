package com.ventusvault.schema.composition.validation;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.SelectionSet;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A parsed {@code fields:} argument of {@code @key}, {@code @requires} or {@code @provides}: a selection set
 * without the outer braces, e.g. {@code id owner { id }}.
 */
public record FieldSet(List<Selection> selections) {

    public FieldSet {
        selections = List.copyOf(selections);
    }

    /** A selected field or an inline fragment. */
    public sealed interface Selection {
        List<Selection> children();
    }

    public record FieldSelection(String name, boolean hasArguments, List<Selection> children) implements Selection {
        public FieldSelection {
            children = List.copyOf(children);
        }
    }

    public record InlineFragmentSelection(String typeCondition, List<Selection> children) implements Selection {
        public InlineFragmentSelection {
            children = List.copyOf(children);
        }
    }

    /** Parses the text; empty when it is not a valid selection set (or uses named fragments). */
    public static Optional<FieldSet> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            Document document = Parser.parse("{" + text + "}");
            if (document.getDefinitions().size() != 1 || !(document.getDefinitions().getFirst() instanceof OperationDefinition operation)) {
                return Optional.empty();
            }
            return convert(operation.getSelectionSet()).map(FieldSet::new);
        } catch (InvalidSyntaxException e) {
            return Optional.empty();
        }
    }

    private static Optional<List<Selection>> convert(SelectionSet set) {
        List<Selection> selections = new ArrayList<>();
        if (set == null) {
            return Optional.of(selections);
        }
        for (graphql.language.Selection<?> selection : set.getSelections()) {
            switch (selection) {
                case Field field -> {
                    if (field.getAlias() != null || !field.getDirectives().isEmpty()) {
                        return Optional.empty();
                    }
                    Optional<List<Selection>> children = convert(field.getSelectionSet());
                    if (children.isEmpty()) {
                        return Optional.empty();
                    }
                    selections.add(new FieldSelection(field.getName(), !field.getArguments().isEmpty(), children.get()));
                }
                case InlineFragment fragment -> {
                    Optional<List<Selection>> children = convert(fragment.getSelectionSet());
                    if (children.isEmpty() || fragment.getTypeCondition() == null) {
                        return Optional.empty();
                    }
                    selections.add(new InlineFragmentSelection(fragment.getTypeCondition().getName(), children.get()));
                }
                default -> {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(selections);
    }
}
