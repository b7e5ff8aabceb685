package com.ventusvault.schema.composition.merge;

import com.ventusvault.schema.composition.subgraph.Subgraph;
import com.ventusvault.schema.composition.subgraph.SubgraphType;
import com.ventusvault.schema.composition.supergraph.JoinField;
import com.ventusvault.schema.composition.supergraph.MergedField;
import com.ventusvault.schema.composition.supergraph.MergedType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A subgraph using {@code @interfaceObject} adds fields to an interface without knowing its implementations, so at
 * runtime it resolves them for every implementation. The merged implementations get those fields too, marked with
 * a bare {@code @join__field} (no graph): no subgraph resolves them on the object type itself.
 */
final class InterfaceObjectFields {

    private InterfaceObjectFields() {
    }

    static void addTo(Map<String, MergedType> merged, List<Subgraph> subgraphs) {
        for (Map.Entry<String, MergedType> entry : merged.entrySet()) {
            if (!(entry.getValue() instanceof MergedType.Composite type) || type.isInterface()) {
                continue;
            }
            List<MergedField> added = new ArrayList<>();
            for (String itfName : type.interfaces()) {
                if (!(merged.get(itfName) instanceof MergedType.Composite itf)) {
                    continue;
                }
                for (MergedField field : itf.fields()) {
                    boolean missing = type.field(field.name()) == null && added.stream().noneMatch(f -> f.name().equals(field.name()));
                    if (missing && providedByInterfaceObject(subgraphs, itfName, field.name())) {
                        added.add(new MergedField(field.name(), field.description(), field.type(), field.arguments(),
                                List.of(JoinField.of(null)), field.annotations()));
                    }
                }
            }
            if (!added.isEmpty()) {
                List<MergedField> fields = new ArrayList<>(type.fields());
                fields.addAll(added);
                entry.setValue(new MergedType.Composite(type.name(), type.description(), false, type.interfaces(),
                        type.implementsJoins(), type.joinTypes(), fields, type.annotations()));
            }
        }
    }

    private static boolean providedByInterfaceObject(List<Subgraph> subgraphs, String itfName, String fieldName) {
        return subgraphs.stream().anyMatch(s -> s.type(itfName) instanceof SubgraphType.CompositeType c
                && c.interfaceObject() && c.field(fieldName) != null && !c.field(fieldName).external());
    }
}
