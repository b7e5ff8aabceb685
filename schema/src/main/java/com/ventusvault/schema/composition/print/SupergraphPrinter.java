package com.ventusvault.schema.composition.print;

import com.ventusvault.schema.composition.subgraph.Literals;
import com.ventusvault.schema.composition.supergraph.JoinGraph;
import com.ventusvault.schema.composition.supergraph.MergedType;
import com.ventusvault.schema.composition.supergraph.Supergraph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Stage 5 of composition: prints a {@link Supergraph} as the SDL {@code rover supergraph compose} emits for
 * Federation 2 (join spec v0.5): the schema definition with its {@code @link}s, the link/join directive definitions,
 * then every type (spec types included) sorted by name.
 */
public final class SupergraphPrinter {

    static final String JOIN_URL = "https://specs.apollo.dev/join/v0.5";

    private static final Map<String, String> JOIN_DIRECTIVES = Map.of(
            "join__directive", "directive @join__directive(graphs: [join__Graph!], name: String!, args: join__DirectiveArguments) repeatable on SCHEMA | OBJECT | INTERFACE | FIELD_DEFINITION",
            "join__enumValue", "directive @join__enumValue(graph: join__Graph!) repeatable on ENUM_VALUE",
            "join__field", "directive @join__field(graph: join__Graph, requires: join__FieldSet, provides: join__FieldSet, type: String, external: Boolean, override: String, usedOverridden: Boolean, overrideLabel: String, contextArguments: [join__ContextArgument!]) repeatable on FIELD_DEFINITION | INPUT_FIELD_DEFINITION",
            "join__graph", "directive @join__graph(name: String!, url: String!) on ENUM_VALUE",
            "join__implements", "directive @join__implements(graph: join__Graph!, interface: String!) repeatable on OBJECT | INTERFACE",
            "join__type", "directive @join__type(graph: join__Graph!, key: join__FieldSet, extension: Boolean! = false, resolvable: Boolean! = true, isInterfaceObject: Boolean! = false) repeatable on OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | SCALAR",
            "join__unionMember", "directive @join__unionMember(graph: join__Graph!, member: String!) repeatable on UNION",
            "link", "directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA");

    private static final String INACCESSIBLE = "directive @inaccessible on FIELD_DEFINITION | OBJECT | INTERFACE | UNION | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION";
    private static final String TAG = "directive @tag(name: String!) repeatable on FIELD_DEFINITION | OBJECT | INTERFACE | UNION | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION | SCHEMA";

    private static final String AUTHENTICATED = "directive @authenticated on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM";
    private static final String REQUIRES_SCOPES = "directive @requiresScopes(scopes: [[requiresScopes__Scope!]!]!) on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM";

    private static final Map<String, String> SPEC_TYPES = Map.of(
            "join__ContextArgument", "input join__ContextArgument {\n  name: String!\n  type: String!\n  context: String!\n  selection: join__FieldValue!\n}",
            "join__DirectiveArguments", "scalar join__DirectiveArguments",
            "join__FieldSet", "scalar join__FieldSet",
            "join__FieldValue", "scalar join__FieldValue",
            "link__Import", "scalar link__Import",
            "link__Purpose", "enum link__Purpose {\n  \"\"\"\n  `SECURITY` features provide metadata necessary to securely resolve fields.\n  \"\"\"\n  SECURITY\n\n"
                    + "  \"\"\"\n  `EXECUTION` features provide metadata necessary for operation execution.\n  \"\"\"\n  EXECUTION\n}");

    public String print(Supergraph supergraph) {
        List<String> definitions = new ArrayList<>();
        definitions.add(schemaDefinition(supergraph));
        Map<String, String> directives = new TreeMap<>(NameOrder.INSTANCE);
        directives.putAll(JOIN_DIRECTIVES);
        if (supergraph.usesInaccessible()) {
            directives.put("inaccessible", INACCESSIBLE);
        }
        if (supergraph.usesTag()) {
            directives.put("tag", TAG);
        }
        if (supergraph.usesAuthenticated()) {
            directives.put("authenticated", AUTHENTICATED);
        }
        if (supergraph.usesRequiresScopes()) {
            directives.put("requiresScopes", REQUIRES_SCOPES);
        }
        definitions.addAll(directives.values());
        Map<String, String> types = new TreeMap<>(NameOrder.INSTANCE);
        types.putAll(SPEC_TYPES);
        if (supergraph.usesRequiresScopes()) {
            types.put("requiresScopes__Scope", "scalar requiresScopes__Scope");
        }
        types.put("join__Graph", graphEnum(supergraph.graphs()));
        for (MergedType type : supergraph.types().values()) {
            types.put(type.name(), TypePrinter.print(type));
        }
        definitions.addAll(types.values());
        return String.join("\n\n", definitions) + "\n";
    }

    private static String schemaDefinition(Supergraph supergraph) {
        List<String> links = new ArrayList<>();
        links.add("@link(url: \"https://specs.apollo.dev/link/v1.0\")");
        links.add("@link(url: \"" + JOIN_URL + "\", for: EXECUTION)");
        if (supergraph.usesTag()) {
            links.add("@link(url: \"https://specs.apollo.dev/tag/v0.3\")");
        }
        if (supergraph.usesInaccessible()) {
            links.add("@link(url: \"https://specs.apollo.dev/inaccessible/v0.2\", for: SECURITY)");
        }
        if (supergraph.usesAuthenticated()) {
            links.add("@link(url: \"https://specs.apollo.dev/authenticated/v0.1\", for: SECURITY)");
        }
        if (supergraph.usesRequiresScopes()) {
            links.add("@link(url: \"https://specs.apollo.dev/requiresScopes/v0.1\", for: SECURITY)");
        }
        String roots = supergraph.rootKinds().stream()
                .map(kind -> "  " + kind + ": " + Supergraph.rootTypeName(kind))
                .collect(Collectors.joining("\n"));
        return "schema\n  " + String.join("\n  ", links) + "\n{\n" + roots + "\n}";
    }

    private static String graphEnum(List<JoinGraph> graphs) {
        String values = graphs.stream()
                .map(g -> "  " + g.enumValue() + " @join__graph(name: " + Literals.quote(g.name()) + ", url: " + Literals.quote(g.url()) + ")")
                .collect(Collectors.joining("\n"));
        return "enum join__Graph {\n" + values + "\n}";
    }
}
