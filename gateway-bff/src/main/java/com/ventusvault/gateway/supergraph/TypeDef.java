package com.ventusvault.gateway.supergraph;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A named type of the supergraph with where it lives.
 *
 * @param name         type name
 * @param kind         type kind
 * @param joins        {@code @join__type} applications, one per subgraph (and per key)
 * @param fields       fields by name in declaration order (objects and interfaces)
 * @param implementsIn (subgraph, interface) pairs from {@code @join__implements}
 * @param members      (subgraph, member) pairs from {@code @join__unionMember}
 * @param subgraphs    names of the subgraphs that define this type, in supergraph order; always derived from
 *                     {@code joins} (computed once here because planning asks for it at every key-path step)
 */
public record TypeDef(String name, TypeKind kind, List<JoinType> joins, Map<String, FieldDef> fields,
                      List<Membership> implementsIn, List<Membership> members, Set<String> subgraphs) {

    /** A type taking part in an abstract type in one subgraph. */
    public record Membership(String subgraph, String type) {
    }

    public TypeDef {
        joins = List.copyOf(joins);
        fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
        implementsIn = List.copyOf(implementsIn);
        members = List.copyOf(members);
        subgraphs = subgraphNames(joins);
    }

    /** A type whose {@link #subgraphs()} are derived from {@code joins}. */
    public TypeDef(String name, TypeKind kind, List<JoinType> joins, Map<String, FieldDef> fields,
                   List<Membership> implementsIn, List<Membership> members) {
        this(name, kind, joins, fields, implementsIn, members, Set.of());
    }

    private static Set<String> subgraphNames(List<JoinType> joins) {
        Set<String> names = new LinkedHashSet<>();
        joins.forEach(join -> names.add(join.subgraph()));
        return java.util.Collections.unmodifiableSet(names);
    }

    /** Whether {@code subgraph} defines this type. */
    public boolean isIn(String subgraph) {
        for (JoinType join : joins) {
            if (join.subgraph().equals(subgraph)) {
                return true;
            }
        }
        return false;
    }

    /** Keys through which {@code subgraph} can be asked for this type as an entity. */
    public List<FieldSet> resolvableKeys(String subgraph) {
        List<FieldSet> keys = new ArrayList<>();
        for (JoinType join : joins) {
            if (join.subgraph().equals(subgraph) && join.key() != null && join.resolvable()) {
                keys.add(join.key());
            }
        }
        return keys;
    }

    /** Whether {@code subgraph} declares this interface with {@code @interfaceObject}. */
    public boolean isInterfaceObjectIn(String subgraph) {
        return joins.stream().anyMatch(join -> join.subgraph().equals(subgraph) && join.isInterfaceObject());
    }
}
