package com.ventusvault.schema.composition.validation;

import com.ventusvault.schema.composition.CompositionError;
import com.ventusvault.schema.composition.CompositionErrorCode;
import com.ventusvault.schema.composition.subgraph.FieldDef;
import com.ventusvault.schema.composition.subgraph.Subgraph;
import com.ventusvault.schema.composition.subgraph.SubgraphType;

import java.util.List;
import java.util.Set;

/**
 * Checks one field set against the subgraph's types and records the coordinates it selects. The rules differ by
 * directive: keys may not select lists, interfaces, unions or fields with arguments; in requires and provides, every
 * leaf must be {@code @external} unless an enclosing field already is.
 */
final class FieldSetWalker {

    enum Use {
        KEY(CompositionErrorCode.KEY_INVALID_FIELDS, null),
        REQUIRES(CompositionErrorCode.REQUIRES_INVALID_FIELDS, CompositionErrorCode.REQUIRES_FIELDS_MISSING_EXTERNAL),
        PROVIDES(CompositionErrorCode.PROVIDES_INVALID_FIELDS, CompositionErrorCode.PROVIDES_FIELDS_MISSING_EXTERNAL);

        final CompositionErrorCode invalid;
        final CompositionErrorCode missingExternal;

        Use(CompositionErrorCode invalid, CompositionErrorCode missingExternal) {
            this.invalid = invalid;
            this.missingExternal = missingExternal;
        }
    }

    private final Subgraph subgraph;
    private final List<CompositionError> errors;
    private final Set<String> selected;

    FieldSetWalker(Subgraph subgraph, List<CompositionError> errors, Set<String> selected) {
        this.subgraph = subgraph;
        this.errors = errors;
        this.selected = selected;
    }

    /**
     * @param where    the directive and what it sits on, for messages, e.g. {@code @key(fields: "id") on type "User"}
     * @param rootType the type the selection starts from
     */
    void walk(Use use, String text, String rootType, String where) {
        FieldSet.parse(text).ifPresentOrElse(
                set -> walk(use, set.selections(), rootType, false, where),
                () -> report(use.invalid, where + ": the fields argument is not a valid selection set"));
    }

    private void walk(Use use, List<FieldSet.Selection> selections, String typeName, boolean underExternal, String where) {
        if (selections.isEmpty()) {
            report(use.invalid, where + ": selects nothing on type \"" + typeName + "\"");
        }
        for (FieldSet.Selection selection : selections) {
            switch (selection) {
                case FieldSet.FieldSelection field -> walkField(use, field, typeName, underExternal, where);
                case FieldSet.InlineFragmentSelection fragment -> {
                    if (subgraph.type(fragment.typeCondition()) == null) {
                        report(use.invalid, where + ": type condition \"" + fragment.typeCondition() + "\" is not a type of the subgraph");
                    } else {
                        walk(use, fragment.children(), fragment.typeCondition(), underExternal, where);
                    }
                }
            }
        }
    }

    private void walkField(Use use, FieldSet.FieldSelection selection, String typeName, boolean underExternal, String where) {
        if (selection.name().equals("__typename")) {
            return;
        }
        SubgraphType.CompositeType parent = subgraph.composite(typeName).orElse(null);
        FieldDef field = parent == null ? null : parent.field(selection.name());
        if (field == null) {
            report(use.invalid, where + ": selects \"" + typeName + "." + selection.name() + "\", which is not a field of type \"" + typeName + "\"");
            return;
        }
        String coordinate = typeName + "." + field.name();
        selected.add(coordinate);
        SubgraphType fieldType = subgraph.type(field.type().baseName());
        boolean composite = fieldType instanceof SubgraphType.CompositeType || fieldType instanceof SubgraphType.UnionType;
        if (use == Use.KEY) {
            if (!field.arguments().isEmpty() || selection.hasArguments()) {
                report(CompositionErrorCode.KEY_FIELDS_HAS_ARGS, where + ": selects \"" + coordinate + "\", which takes arguments");
            }
            if (field.type().isList() || fieldType instanceof SubgraphType.UnionType
                    || (fieldType instanceof SubgraphType.CompositeType c && c.isInterface())) {
                report(CompositionErrorCode.KEY_FIELDS_SELECT_INVALID_TYPE, where + ": selects \"" + coordinate
                        + "\" of type \"" + field.type() + "\"; key fields may not be lists, interfaces or unions");
            }
        }
        if (composite && selection.children().isEmpty()) {
            report(use.invalid, where + ": selects \"" + coordinate + "\" of composite type \"" + field.type().baseName() + "\" without a sub-selection");
            return;
        }
        if (!composite && !selection.children().isEmpty()) {
            report(use.invalid, where + ": selects sub-fields of \"" + coordinate + "\", whose type \"" + field.type() + "\" has no fields");
            return;
        }
        boolean external = underExternal || field.external();
        if (use != Use.KEY && selection.children().isEmpty() && !external) {
            report(use.missingExternal, where + ": selects \"" + coordinate + "\", which is not marked @external in this subgraph");
        }
        if (composite) {
            walk(use, selection.children(), field.type().baseName(), external, where);
        }
    }

    private void report(CompositionErrorCode code, String message) {
        errors.add(CompositionError.of(code, "Subgraph \"" + subgraph.name() + "\": " + message));
    }
}
