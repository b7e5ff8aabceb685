package com.ventusvault.schema.composition.subgraph;

import java.util.List;

/**
 * A named type as one subgraph defines it, after its definition and extensions in that subgraph were combined.
 * A closed set: composition switches over it exhaustively.
 */
public sealed interface SubgraphType {

    String name();

    String description();

    Annotations annotations();

    /** Defined only through {@code extend ...} blocks in this subgraph. */
    boolean extensionOnly();

    /** A human word for the kind, used in messages: "object", "interface", "union", "enum", "input object", "scalar". */
    default String kindName() {
        return switch (this) {
            case CompositeType composite -> composite.isInterface() ? "interface" : "object";
            case UnionType ignored -> "union";
            case EnumType ignored -> "enum";
            case InputType ignored -> "input object";
            case ScalarType ignored -> "scalar";
        };
    }

    /**
     * An object or interface type.
     *
     * @param interfaceObject the type is an object here but carries {@code @interfaceObject}: it stands for an
     *                        interface defined in another subgraph
     */
    record CompositeType(
            String name,
            String description,
            boolean isInterface,
            List<String> interfaces,
            List<FieldDef> fields,
            List<KeyDef> keys,
            boolean interfaceObject,
            boolean extensionOnly,
            Annotations annotations) implements SubgraphType {

        public CompositeType {
            interfaces = List.copyOf(interfaces);
            fields = List.copyOf(fields);
            keys = List.copyOf(keys);
        }

        public FieldDef field(String fieldName) {
            return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst().orElse(null);
        }

        public boolean hasResolvableKey() {
            return keys.stream().anyMatch(KeyDef::resolvable);
        }
    }

    record UnionType(String name, String description, List<String> members, boolean extensionOnly,
            Annotations annotations) implements SubgraphType {
        public UnionType {
            members = List.copyOf(members);
        }
    }

    record EnumType(String name, String description, List<EnumValueDef> values, boolean extensionOnly,
            Annotations annotations) implements SubgraphType {
        public EnumType {
            values = List.copyOf(values);
        }

        public boolean hasValue(String valueName) {
            return values.stream().anyMatch(v -> v.name().equals(valueName));
        }
    }

    record InputType(String name, String description, List<InputValueDef> fields, boolean extensionOnly,
            Annotations annotations) implements SubgraphType {
        public InputType {
            fields = List.copyOf(fields);
        }

        public InputValueDef field(String fieldName) {
            return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst().orElse(null);
        }
    }

    /** @param specifiedBy the {@code @specifiedBy(url:)} URL or {@code null} */
    record ScalarType(String name, String description, String specifiedBy, boolean extensionOnly,
            Annotations annotations) implements SubgraphType {
    }
}
