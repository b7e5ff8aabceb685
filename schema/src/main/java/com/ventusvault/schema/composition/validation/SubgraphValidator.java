package com.ventusvault.schema.composition.validation;

import com.ventusvault.schema.composition.CompositionError;
import com.ventusvault.schema.composition.CompositionErrorCode;
import com.ventusvault.schema.composition.subgraph.FieldDef;
import com.ventusvault.schema.composition.subgraph.KeyDef;
import com.ventusvault.schema.composition.subgraph.Subgraph;
import com.ventusvault.schema.composition.subgraph.SubgraphType;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Stage 2 of composition: validates the federation directives of one subgraph on its own ({@code @key},
 * {@code @requires}, {@code @provides}, {@code @external}, {@code @override}) and indexes what its field sets select.
 */
public final class SubgraphValidator {

    public SubgraphFieldSets validate(Subgraph subgraph, List<CompositionError> errors) {
        Set<String> keyFields = new HashSet<>();
        Set<String> usedFields = new HashSet<>();
        FieldSetWalker keyWalker = new FieldSetWalker(subgraph, errors, keyFields);
        FieldSetWalker usedWalker = new FieldSetWalker(subgraph, errors, usedFields);
        for (SubgraphType type : subgraph.types().values()) {
            if (!(type instanceof SubgraphType.CompositeType composite)) {
                continue;
            }
            for (KeyDef key : composite.keys()) {
                keyWalker.walk(FieldSetWalker.Use.KEY, key.fields(), composite.name(),
                        "@key(fields: \"" + key.fields() + "\") on type \"" + composite.name() + "\"");
            }
            for (FieldDef field : composite.fields()) {
                validateField(subgraph, composite, field, usedWalker, errors);
            }
        }
        usedFields.addAll(keyFields);
        checkExternalsUsed(subgraph, usedFields, errors);
        return new SubgraphFieldSets(keyFields, usedFields);
    }

    private static void validateField(Subgraph subgraph, SubgraphType.CompositeType parent, FieldDef field,
            FieldSetWalker walker, List<CompositionError> errors) {
        String coordinate = parent.name() + "." + field.name();
        if (field.requires() != null) {
            walker.walk(FieldSetWalker.Use.REQUIRES, field.requires(), parent.name(),
                    "@requires(fields: \"" + field.requires() + "\") on field \"" + coordinate + "\"");
        }
        if (field.provides() != null) {
            SubgraphType target = subgraph.type(field.type().baseName());
            if (target instanceof SubgraphType.CompositeType || target instanceof SubgraphType.UnionType) {
                walker.walk(FieldSetWalker.Use.PROVIDES, field.provides(), field.type().baseName(),
                        "@provides(fields: \"" + field.provides() + "\") on field \"" + coordinate + "\"");
            } else {
                errors.add(CompositionError.of(CompositionErrorCode.PROVIDES_ON_NON_OBJECT_FIELD, "Subgraph \"" + subgraph.name()
                        + "\": @provides on field \"" + coordinate + "\", whose type \"" + field.type() + "\" is not an object, interface or union"));
            }
        }
        if (field.overrideFrom() != null) {
            if (field.overrideFrom().equals(subgraph.name())) {
                errors.add(CompositionError.of(CompositionErrorCode.OVERRIDE_FROM_SELF_ERROR, "Subgraph \"" + subgraph.name()
                        + "\": field \"" + coordinate + "\" uses @override(from: \"" + field.overrideFrom() + "\"), its own subgraph"));
            }
            if (field.external()) {
                errors.add(CompositionError.of(CompositionErrorCode.OVERRIDE_COLLISION_WITH_ANOTHER_DIRECTIVE, "Subgraph \""
                        + subgraph.name() + "\": field \"" + coordinate + "\" is both @override and @external"));
            }
        }
    }

    /** An @external field must be used by a field set, or be there to implement an interface field. */
    private static void checkExternalsUsed(Subgraph subgraph, Set<String> usedFields, List<CompositionError> errors) {
        for (SubgraphType type : subgraph.types().values()) {
            if (!(type instanceof SubgraphType.CompositeType composite)) {
                continue;
            }
            for (FieldDef field : composite.fields()) {
                String coordinate = composite.name() + "." + field.name();
                if (field.external() && !usedFields.contains(coordinate) && !implementsInterfaceField(subgraph, composite, field)) {
                    errors.add(CompositionError.of(CompositionErrorCode.EXTERNAL_UNUSED, "Subgraph \"" + subgraph.name()
                            + "\": field \"" + coordinate + "\" is marked @external but no @key, @requires or @provides of the subgraph uses it"));
                }
            }
        }
    }

    private static boolean implementsInterfaceField(Subgraph subgraph, SubgraphType.CompositeType type, FieldDef field) {
        return type.interfaces().stream()
                .map(subgraph::composite)
                .anyMatch(itf -> itf.isPresent() && itf.get().field(field.name()) != null);
    }
}
