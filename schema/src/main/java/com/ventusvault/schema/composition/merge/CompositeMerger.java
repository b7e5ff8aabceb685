package com.ventusvault.schema.composition.merge;

import com.ventusvault.schema.composition.subgraph.FieldDef;
import com.ventusvault.schema.composition.subgraph.KeyDef;
import com.ventusvault.schema.composition.subgraph.SubgraphType;
import com.ventusvault.schema.composition.supergraph.JoinType;
import com.ventusvault.schema.composition.supergraph.MergedField;
import com.ventusvault.schema.composition.supergraph.MergedType;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Merges an object or interface type: one {@code @join__type} per subgraph (per key when it has keys), one
 * {@code @join__implements} per subgraph and interface, and the union of the fields, each merged by {@link FieldMerger}.
 */
final class CompositeMerger {

    private final FieldMerger fields;

    CompositeMerger(FieldMerger fields) {
        this.fields = fields;
    }

    MergedType.Composite merge(String name, List<Sourced<SubgraphType.CompositeType>> sources, boolean isInterface) {
        List<String> interfaces = new ArrayList<>();
        List<MergedType.JoinImplements> implementsJoins = new ArrayList<>();
        for (Sourced<SubgraphType.CompositeType> source : sources) {
            for (String itf : source.element().interfaces()) {
                implementsJoins.add(new MergedType.JoinImplements(source.graph(), itf));
                if (!interfaces.contains(itf)) {
                    interfaces.add(itf);
                }
            }
        }
        Set<String> fieldNames = new LinkedHashSet<>();
        sources.forEach(s -> s.element().fields().stream().map(FieldDef::name).forEach(fieldNames::add));
        List<MergedField> merged = new ArrayList<>();
        for (String fieldName : fieldNames) {
            MergedField field = fields.merge(name, fieldName, sources, isInterface);
            if (field != null) {
                merged.add(field);
            }
        }
        return new MergedType.Composite(name,
                ElementMerge.description(sources.stream().map(s -> s.element().description()).toList()),
                isInterface, interfaces, implementsJoins, joinTypes(sources), merged,
                ElementMerge.annotations(sources.stream().map(s -> s.element().annotations()).toList()));
    }

    private static List<JoinType> joinTypes(List<Sourced<SubgraphType.CompositeType>> sources) {
        List<JoinType> joins = new ArrayList<>();
        for (Sourced<SubgraphType.CompositeType> source : sources) {
            SubgraphType.CompositeType type = source.element();
            if (type.keys().isEmpty()) {
                joins.add(new JoinType(source.graph(), null, false, true, type.interfaceObject()));
            }
            for (KeyDef key : type.keys()) {
                joins.add(new JoinType(source.graph(), key.fields(), key.onExtension(), key.resolvable(), type.interfaceObject()));
            }
        }
        return joins;
    }
}
