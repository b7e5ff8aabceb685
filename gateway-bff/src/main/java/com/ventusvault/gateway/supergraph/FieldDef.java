package com.ventusvault.gateway.supergraph;

import graphql.language.Type;
import graphql.language.TypeName;
import graphql.language.ListType;
import graphql.language.NonNullType;

import java.util.List;

/**
 * A field of a supergraph type with its per-subgraph {@code @join__field} applications.
 *
 * @param name  field name
 * @param type  the field's (supergraph) type
 * @param joins the join applications; empty means every subgraph that has the parent type resolves the field
 */
public record FieldDef(String name, Type<?> type, List<JoinField> joins) {

    public FieldDef {
        joins = List.copyOf(joins);
    }

    /** The name of the innermost named type, e.g. {@code Wallet} for {@code [Wallet!]!}. */
    public String namedType() {
        return unwrap(type).getName();
    }

    /** How many list wrappers the type has, which is how many {@code @} a plan path needs below this field. */
    public int listDepth() {
        int depth = 0;
        Type<?> t = type;
        while (!(t instanceof TypeName)) {
            if (t instanceof ListType list) {
                depth++;
                t = list.getType();
            } else {
                t = ((NonNullType) t).getType();
            }
        }
        return depth;
    }

    /** The join application for {@code subgraph}, or null. */
    public JoinField joinFor(String subgraph) {
        for (JoinField join : joins) {
            if (subgraph.equals(join.subgraph())) {
                return join;
            }
        }
        return null;
    }

    static TypeName unwrap(Type<?> type) {
        Type<?> t = type;
        while (!(t instanceof TypeName)) {
            t = t instanceof ListType list ? list.getType() : ((NonNullType) t).getType();
        }
        return (TypeName) t;
    }
}
