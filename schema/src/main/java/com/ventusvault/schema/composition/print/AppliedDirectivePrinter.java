package com.ventusvault.schema.composition.print;

import com.ventusvault.schema.composition.subgraph.Annotations;
import com.ventusvault.schema.composition.subgraph.Literals;
import com.ventusvault.schema.composition.supergraph.JoinField;
import com.ventusvault.schema.composition.supergraph.JoinType;
import com.ventusvault.schema.composition.supergraph.MergedType;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Prints applied join directives with their arguments in the order Apollo's composition writes them, leaving out
 * arguments at their default ({@code extension: false}, {@code resolvable: true}, ...).
 */
final class AppliedDirectivePrinter {

    private AppliedDirectivePrinter() {
    }

    static String joinType(JoinType join) {
        Arguments args = new Arguments().raw("graph", join.graph());
        if (join.key() != null) {
            args.string("key", join.key());
            if (join.extension()) {
                args.raw("extension", "true");
            }
            if (!join.resolvable()) {
                args.raw("resolvable", "false");
            }
        }
        if (join.interfaceObject()) {
            args.raw("isInterfaceObject", "true");
        }
        return "@join__type" + args;
    }

    static String joinField(JoinField join) {
        if (join.graph() == null) {
            return "@join__field";
        }
        Arguments args = new Arguments().raw("graph", join.graph());
        args.string("requires", join.requires());
        args.string("provides", join.provides());
        args.string("override", join.override());
        args.string("type", join.type());
        if (join.external()) {
            args.raw("external", "true");
        }
        if (join.usedOverridden()) {
            args.raw("usedOverridden", "true");
        }
        return "@join__field" + args;
    }

    static String joinImplements(MergedType.JoinImplements join) {
        return "@join__implements" + new Arguments().raw("graph", join.graph()).string("interface", join.interfaceName());
    }

    static String joinUnionMember(MergedType.JoinUnionMember join) {
        return "@join__unionMember" + new Arguments().raw("graph", join.graph()).string("member", join.member());
    }

    static String joinEnumValue(String graph) {
        return "@join__enumValue" + new Arguments().raw("graph", graph);
    }

    /**
     * {@code @inaccessible}, {@code @tag(name:)}, {@code @authenticated}, {@code @requiresScopes(scopes:)} and
     * {@code @deprecated(reason:)}, in that order.
     */
    static List<String> annotations(Annotations annotations) {
        List<String> printed = new ArrayList<>();
        if (annotations.inaccessible()) {
            printed.add("@inaccessible");
        }
        annotations.tags().forEach(tag -> printed.add("@tag(name: " + Literals.quote(tag) + ")"));
        if (annotations.authenticated()) {
            printed.add("@authenticated");
        }
        if (!annotations.requiresScopes().isEmpty()) {
            printed.add(annotations.requiresScopes().stream()
                    .map(all -> all.stream().map(Literals::quote).collect(java.util.stream.Collectors.joining(", ", "[", "]")))
                    .collect(java.util.stream.Collectors.joining(", ", "@requiresScopes(scopes: [", "])")));
        }
        if (annotations.deprecated()) {
            printed.add(annotations.deprecationReason().isEmpty() ? "@deprecated"
                    : "@deprecated(reason: " + Literals.quote(annotations.deprecationReason()) + ")");
        }
        return printed;
    }

    /** An argument list under construction; prints as {@code (a: 1, b: "x")}. */
    private static final class Arguments {
        private final StringJoiner joiner = new StringJoiner(", ", "(", ")");

        Arguments raw(String name, String value) {
            joiner.add(name + ": " + value);
            return this;
        }

        Arguments string(String name, String value) {
            if (value != null) {
                joiner.add(name + ": " + Literals.quote(value));
            }
            return this;
        }

        @Override
        public String toString() {
            return joiner.toString();
        }
    }
}
