package com.ventusvault.gateway.supergraph;

import graphql.schema.GraphQLSchema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The immutable model of a composed supergraph: subgraphs, types with their join applications, and the
 * API schema clients are validated against. Built by {@link SupergraphLoader}.
 *
 * @param subgraphs subgraphs by name, in {@code join__Graph} order
 * @param types     the supergraph's types by name (join and link machinery excluded)
 * @param apiSchema the client-facing schema (join/link removed, {@code @inaccessible} elements dropped)
 * @param sdl       the supergraph text it was read from
 * @param possibleTypesByType for each object, interface and union type, the object types that can be the runtime
 *                  type of its values; always derived from {@code types} and {@code apiSchema} (computed once here
 *                  because planning and execution ask for it per selection)
 */
public record Supergraph(Map<String, Subgraph> subgraphs, Map<String, TypeDef> types, GraphQLSchema apiSchema,
                         String sdl, Map<String, List<String>> possibleTypesByType) {

    public Supergraph {
        subgraphs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(subgraphs));
        types = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(types));
        possibleTypesByType = computePossibleTypes(types, apiSchema);
    }

    /** A supergraph whose {@link #possibleTypesByType()} is derived from {@code types} and {@code apiSchema}. */
    public Supergraph(Map<String, Subgraph> subgraphs, Map<String, TypeDef> types, GraphQLSchema apiSchema,
                      String sdl) {
        this(subgraphs, types, apiSchema, sdl, Map.of());
    }

    /** The type named {@code name}; fails when the supergraph has none. */
    public TypeDef type(String name) {
        TypeDef type = types.get(name);
        if (type == null) {
            throw new IllegalArgumentException("Supergraph has no type '" + name + "'");
        }
        return type;
    }

    /** The field {@code type.field}; fails when it does not exist. */
    public FieldDef field(String type, String field) {
        FieldDef def = type(type).fields().get(field);
        if (def == null) {
            throw new IllegalArgumentException("Supergraph type '" + type + "' has no field '" + field + "'");
        }
        return def;
    }

    /** Subgraphs that can be asked for {@code type.field}, in supergraph order. */
    public List<String> resolvingSubgraphs(String type, String field) {
        TypeDef def = type(type);
        FieldDef fieldDef = field(type, field);
        List<String> result = new ArrayList<>();
        if (fieldDef.joins().isEmpty()) {
            result.addAll(def.subgraphs());
        } else {
            for (JoinField join : fieldDef.joins()) {
                if (join.resolvable() && !result.contains(join.subgraph())) {
                    result.add(join.subgraph());
                }
            }
        }
        return result;
    }

    /** Whether {@code subgraph} resolves {@code type.field} (ignoring {@code @provides}). */
    public boolean resolves(String subgraph, String type, String field) {
        TypeDef def = types.get(type);
        FieldDef fieldDef = def == null ? null : def.fields().get(field);
        if (fieldDef == null) {
            return false;
        }
        if (fieldDef.joins().isEmpty()) {
            return def.isIn(subgraph);
        }
        for (JoinField join : fieldDef.joins()) {
            if (join.resolvable() && join.subgraph().equals(subgraph)) {
                return true;
            }
        }
        return false;
    }

    /** Object types that can be the runtime type of a value of {@code type}, per the API schema (immutable). */
    public List<String> possibleTypes(String type) {
        List<String> result = possibleTypesByType.get(type);
        if (result == null) {
            type(type); // fails for an unknown type
            return List.of();
        }
        return result;
    }

    private static Map<String, List<String>> computePossibleTypes(Map<String, TypeDef> types,
                                                                  GraphQLSchema apiSchema) {
        Map<String, List<String>> byType = new java.util.HashMap<>();
        for (TypeDef def : types.values()) {
            String type = def.name();
            List<String> result = new ArrayList<>();
            switch (def.kind()) {
                case OBJECT -> result.add(type);
                case UNION -> {
                    if (apiSchema.getType(type) instanceof graphql.schema.GraphQLUnionType u) {
                        u.getTypes().forEach(t -> result.add(t.getName()));
                    }
                    def.members().forEach(m -> addIfAbsent(result, m.type()));
                }
                case INTERFACE -> {
                    if (apiSchema.getType(type) instanceof graphql.schema.GraphQLInterfaceType i) {
                        apiSchema.getImplementations(i).forEach(t -> result.add(t.getName()));
                    }
                    // @inaccessible implementations are not in the API schema but subgraphs still return them
                    types.values().stream().filter(t -> t.kind() == TypeKind.OBJECT)
                            .filter(t -> t.implementsIn().stream().anyMatch(m -> m.type().equals(type)))
                            .forEach(t -> addIfAbsent(result, t.name()));
                }
                default -> {
                    continue;
                }
            }
            byType.put(type, List.copyOf(result));
        }
        return java.util.Collections.unmodifiableMap(byType);
    }

    private static void addIfAbsent(List<String> list, String value) {
        if (!list.contains(value)) {
            list.add(value);
        }
    }

    /** Whether clients can see type {@code name} (it is in the API schema, not {@code @inaccessible}). */
    public boolean isVisible(String name) {
        return apiSchema.getType(name) != null;
    }

    /** Whether {@code value} is a value of enum {@code type} that clients can see. */
    public boolean isVisibleEnumValue(String type, String value) {
        return apiSchema.getType(type) instanceof graphql.schema.GraphQLEnumType e && e.getValue(value) != null;
    }

    /** Object types that {@code subgraph} can return for a value of abstract {@code type}. */
    public List<String> possibleTypesIn(String subgraph, String type) {
        TypeDef def = type(type);
        List<String> result = new ArrayList<>();
        for (String candidate : possibleTypes(type)) {
            TypeDef candidateDef = types.get(candidate);
            if (candidateDef == null || !candidateDef.isIn(subgraph)) {
                continue;
            }
            boolean member = switch (def.kind()) {
                case UNION -> def.members().isEmpty() || def.members().stream()
                        .anyMatch(m -> m.subgraph().equals(subgraph) && m.type().equals(candidate));
                case INTERFACE -> candidateDef.implementsIn().isEmpty() || candidateDef.implementsIn().stream()
                        .anyMatch(m -> m.subgraph().equals(subgraph) && m.type().equals(type));
                default -> candidate.equals(type);
            };
            if (member) {
                result.add(candidate);
            }
        }
        return result;
    }

    /** Whether {@code subgraph} declares interface {@code type} as an object ({@code @interfaceObject}). */
    public boolean isInterfaceObjectIn(String subgraph, String type) {
        TypeDef def = types.get(type);
        return def != null && def.isInterfaceObjectIn(subgraph);
    }

    /**
     * Interfaces of object type {@code type} that some subgraph declares with {@code @interfaceObject} and resolves
     * {@code field} on, as (subgraph, interface) pairs: the way to a field an implementation gets from an interface
     * object (its own {@code @join__field} names no subgraph).
     */
    public List<TypeDef.Membership> interfaceObjectResolvers(String type, String field) {
        List<TypeDef.Membership> result = new ArrayList<>();
        if (!(apiSchema.getType(type) instanceof graphql.schema.GraphQLObjectType object)) {
            return result;
        }
        for (var iface : object.getInterfaces()) {
            TypeDef def = types.get(iface.getName());
            if (def == null || !def.fields().containsKey(field)) {
                continue;
            }
            for (String subgraph : resolvingSubgraphs(iface.getName(), field)) {
                if (def.isInterfaceObjectIn(subgraph)) {
                    result.add(new TypeDef.Membership(subgraph, iface.getName()));
                }
            }
        }
        return result;
    }

    /** The root type name for an operation kind: query, mutation or subscription; null when absent. */
    public String rootType(String operationKind) {
        var type = switch (operationKind) {
            case "mutation" -> apiSchema.getMutationType();
            case "subscription" -> apiSchema.getSubscriptionType();
            default -> apiSchema.getQueryType();
        };
        return type == null ? null : type.getName();
    }

    /** The subgraph named {@code name}; fails when unknown. */
    public Subgraph subgraph(String name) {
        Subgraph subgraph = subgraphs.get(name);
        if (subgraph == null) {
            throw new IllegalArgumentException("Supergraph has no subgraph '" + name + "'");
        }
        return subgraph;
    }
}
