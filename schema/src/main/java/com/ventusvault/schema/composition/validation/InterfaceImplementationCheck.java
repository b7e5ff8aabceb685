package com.ventusvault.schema.composition.validation;

import com.ventusvault.schema.composition.CompositionError;
import com.ventusvault.schema.composition.CompositionErrorCode;
import com.ventusvault.schema.composition.supergraph.MergedField;
import com.ventusvault.schema.composition.supergraph.MergedType;
import com.ventusvault.schema.composition.supergraph.Supergraph;

import java.util.List;

/**
 * Every object or interface of the supergraph must define each field of the interfaces it implements; subgraphs
 * may each implement an interface partially, but the merged type must be complete.
 */
final class InterfaceImplementationCheck {

    private final Supergraph supergraph;
    private final List<CompositionError> errors;

    InterfaceImplementationCheck(Supergraph supergraph, List<CompositionError> errors) {
        this.supergraph = supergraph;
        this.errors = errors;
    }

    void run() {
        for (MergedType type : supergraph.types().values()) {
            if (!(type instanceof MergedType.Composite composite)) {
                continue;
            }
            for (String itfName : composite.interfaces()) {
                if (!(supergraph.types().get(itfName) instanceof MergedType.Composite itf) || !itf.isInterface()) {
                    continue;
                }
                for (MergedField field : itf.fields()) {
                    if (composite.field(field.name()) == null) {
                        errors.add(CompositionError.of(CompositionErrorCode.INTERFACE_FIELD_NO_IMPLEM, "Interface field \""
                                + itfName + "." + field.name() + "\" is declared in the supergraph but type \"" + composite.name()
                                + "\", which implements \"" + itfName + "\", does not define it in any subgraph"));
                    }
                }
            }
        }
    }
}
