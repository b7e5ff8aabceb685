package com.ventusvault.schema.composition.merge;

import com.ventusvault.schema.composition.subgraph.Subgraph;
import com.ventusvault.schema.composition.subgraph.SubgraphType;
import com.ventusvault.schema.composition.subgraph.TypeRef;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Subtyping across all subgraphs, as composition needs it to merge field types: nullability, lists element-wise,
 * and an object (or interface) being a subtype of the interfaces it implements and the unions it belongs to
 * in any subgraph.
 */
final class TypeRelations {

    private final Map<String, Set<String>> subtypesOf = new HashMap<>();

    TypeRelations(List<Subgraph> subgraphs) {
        for (Subgraph subgraph : subgraphs) {
            for (SubgraphType type : subgraph.types().values()) {
                switch (type) {
                    case SubgraphType.CompositeType composite -> composite.interfaces()
                            .forEach(itf -> subtypesOf.computeIfAbsent(itf, k -> new HashSet<>()).add(composite.name()));
                    case SubgraphType.UnionType union -> union.members()
                            .forEach(member -> subtypesOf.computeIfAbsent(union.name(), k -> new HashSet<>()).add(member));
                    default -> { }
                }
            }
        }
    }

    /** Whether a value of type {@code sub} can always be used where {@code sup} is expected. */
    boolean isSubtype(TypeRef sub, TypeRef sup) {
        return switch (sup) {
            case TypeRef.NonNull supNonNull -> sub instanceof TypeRef.NonNull subNonNull && isSubtype(subNonNull.of(), supNonNull.of());
            case TypeRef.ListOf supList -> switch (sub) {
                case TypeRef.NonNull subNonNull -> isSubtype(subNonNull.of(), sup);
                case TypeRef.ListOf subList -> isSubtype(subList.of(), supList.of());
                case TypeRef.Named ignored -> false;
            };
            case TypeRef.Named supNamed -> switch (sub) {
                case TypeRef.NonNull subNonNull -> isSubtype(subNonNull.of(), sup);
                case TypeRef.ListOf ignored -> false;
                case TypeRef.Named subNamed -> subNamed.name().equals(supNamed.name()) || isAbstractSubtype(subNamed.name(), supNamed.name());
            };
        };
    }

    private boolean isAbstractSubtype(String sub, String sup) {
        Set<String> direct = subtypesOf.getOrDefault(sup, Set.of());
        if (direct.contains(sub)) {
            return true;
        }
        return direct.stream().anyMatch(d -> !d.equals(sup) && subtypesOf.containsKey(d) && isAbstractSubtype(sub, d));
    }

    /**
     * The supergraph type of an output field: the one type every source's type is a subtype of; {@code null} when the
     * types are incompatible.
     */
    TypeRef mergeOutput(List<TypeRef> types) {
        return types.stream().filter(candidate -> types.stream().allMatch(t -> isSubtype(t, candidate))).findFirst().orElse(null);
    }

    /**
     * The supergraph type of an argument or input field: the strictest type (a subtype of every source's type), since
     * a value must be accepted by every subgraph; {@code null} when incompatible. Named types must match exactly.
     */
    TypeRef mergeInput(List<TypeRef> types) {
        return types.stream()
                .filter(candidate -> types.stream().allMatch(t -> isSubtype(candidate, t) && candidate.baseName().equals(t.baseName())))
                .findFirst().orElse(null);
    }
}
