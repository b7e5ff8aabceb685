package com.ventusvault.schema.composition.supergraph;

import com.ventusvault.schema.composition.subgraph.Annotations;

import java.util.List;

/** A type of the supergraph with its join metadata. A closed set, printed by an exhaustive switch. */
public sealed interface MergedType {

    String name();

    String description();

    List<JoinType> joinTypes();

    Annotations annotations();

    /** An object or interface type; {@code implementsJoins} hold one {@code @join__implements} per subgraph and interface. */
    record Composite(String name, String description, boolean isInterface, List<String> interfaces,
            List<JoinImplements> implementsJoins, List<JoinType> joinTypes, List<MergedField> fields,
            Annotations annotations) implements MergedType {

        public Composite {
            interfaces = List.copyOf(interfaces);
            implementsJoins = List.copyOf(implementsJoins);
            joinTypes = List.copyOf(joinTypes);
            fields = List.copyOf(fields);
        }

        public MergedField field(String fieldName) {
            return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst().orElse(null);
        }
    }

    record Union(String name, String description, List<String> members, List<JoinType> joinTypes,
            List<JoinUnionMember> memberJoins, Annotations annotations) implements MergedType {
        public Union {
            members = List.copyOf(members);
            joinTypes = List.copyOf(joinTypes);
            memberJoins = List.copyOf(memberJoins);
        }
    }

    record Enum(String name, String description, List<MergedEnumValue> values, List<JoinType> joinTypes,
            Annotations annotations) implements MergedType {
        public Enum {
            values = List.copyOf(values);
            joinTypes = List.copyOf(joinTypes);
        }
    }

    record Input(String name, String description, List<MergedInputValue> fields, List<JoinType> joinTypes,
            Annotations annotations) implements MergedType {
        public Input {
            fields = List.copyOf(fields);
            joinTypes = List.copyOf(joinTypes);
        }
    }

    record Scalar(String name, String description, String specifiedBy, List<JoinType> joinTypes,
            Annotations annotations) implements MergedType {
        public Scalar {
            joinTypes = List.copyOf(joinTypes);
        }
    }

    /** {@code @join__implements(graph:, interface:)}. */
    record JoinImplements(String graph, String interfaceName) {
    }

    /** {@code @join__unionMember(graph:, member:)}. */
    record JoinUnionMember(String graph, String member) {
    }
}
