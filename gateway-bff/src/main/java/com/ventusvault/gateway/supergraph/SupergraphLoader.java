package com.ventusvault.gateway.supergraph;

import graphql.language.Argument;
import graphql.language.BooleanValue;
import graphql.language.Definition;
import graphql.language.Directive;
import graphql.language.DirectivesContainer;
import graphql.language.Document;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValue;
import graphql.language.EnumValueDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.Node;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.language.SchemaDefinition;
import graphql.language.SourceLocation;
import graphql.language.TypeDefinition;
import graphql.language.UnionTypeDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a supergraph SDL, as {@code rover supergraph compose} emits it (join spec v0.3 to v0.5), into a
 * {@link Supergraph}. A supergraph that cannot be used fails here, naming the element and its line.
 */
public final class SupergraphLoader {

    private static final Set<String> SUPPORTED_JOIN = Set.of("v0.3", "v0.4", "v0.5");

    /** Parses and checks {@code sdl}; {@code origin} names the source in error messages. */
    public Supergraph load(String sdl, String origin) {
        Document document = parse(sdl, origin);
        SchemaDefinition schema = document.getDefinitionsOfType(SchemaDefinition.class).stream().findFirst()
                .orElseThrow(() -> new SupergraphException(origin + ": no schema definition with @link directives; "
                        + "is this a composed supergraph?"));
        LinkedSpecs specs = LinkedSpecs.of(schema);
        if (!specs.hasJoin()) {
            throw new SupergraphException(origin + ": the schema does not @link the join spec "
                    + "(https://specs.apollo.dev/join/v0.x); is this a composed supergraph?");
        }
        if (!SUPPORTED_JOIN.contains(specs.joinVersion())) {
            throw new SupergraphException(origin + ": join spec " + specs.joinVersion()
                    + " is not supported (supported: v0.3, v0.4, v0.5)");
        }
        Map<String, Subgraph> subgraphs = readGraphs(document, specs, origin);
        Map<String, String> byEnum = new LinkedHashMap<>();
        subgraphs.values().forEach(s -> byEnum.put(s.enumValue(), s.name()));
        JoinReader joins = new JoinReader(specs, byEnum, origin);
        Map<String, TypeDef> types = new LinkedHashMap<>();
        for (String scalar : List.of("String", "Int", "Float", "Boolean", "ID")) {
            types.put(scalar, new TypeDef(scalar, TypeKind.SCALAR, List.of(), Map.of(), List.of(), List.of()));
        }
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof TypeDefinition<?> type && !specs.isMachineryType(type.getName())) {
                types.put(type.getName(), readType(type, joins));
            }
        }
        var apiSchema = new ApiSchemaBuilder(specs, origin).build(document);
        return new Supergraph(subgraphs, types, apiSchema, sdl);
    }

    private static Document parse(String sdl, String origin) {
        try {
            ParserOptions options = ParserOptions.getDefaultSdlParserOptions().transform(o -> o
                    .maxTokens(Integer.MAX_VALUE).maxWhitespaceTokens(Integer.MAX_VALUE)
                    .maxCharacters(Integer.MAX_VALUE));
            return new Parser().parseDocument(ParserEnvironment.newParserEnvironment().document(sdl)
                    .parserOptions(options).build());
        } catch (InvalidSyntaxException e) {
            throw new SupergraphException(origin + ": not valid GraphQL SDL: " + e.getMessage(), e);
        }
    }

    private static Map<String, Subgraph> readGraphs(Document document, LinkedSpecs specs, String origin) {
        EnumTypeDefinition graphEnum = document.getDefinitionsOfType(EnumTypeDefinition.class).stream()
                .filter(e -> e.getName().equals(specs.join("Graph"))).findFirst()
                .orElseThrow(() -> new SupergraphException(origin + ": enum " + specs.join("Graph") + " is missing"));
        Map<String, Subgraph> graphs = new LinkedHashMap<>();
        for (EnumValueDefinition value : graphEnum.getEnumValueDefinitions()) {
            Directive graph = value.getDirectives(specs.join("graph")).stream().findFirst()
                    .orElseThrow(() -> new SupergraphException(where(origin, value) + ": " + specs.join("Graph")
                            + "." + value.getName() + " has no @" + specs.join("graph")));
            String name = LinkedSpecs.stringArgument(graph, "name");
            String url = LinkedSpecs.stringArgument(graph, "url");
            if (name == null || url == null) {
                throw new SupergraphException(where(origin, value) + ": @" + specs.join("graph") + " on "
                        + value.getName() + " needs both name and url");
            }
            graphs.put(name, new Subgraph(name, value.getName(), url));
        }
        if (graphs.isEmpty()) {
            throw new SupergraphException(origin + ": " + specs.join("Graph") + " declares no subgraph");
        }
        return graphs;
    }

    private static TypeDef readType(TypeDefinition<?> type, JoinReader joins) {
        List<JoinType> joinTypes = joins.types(type);
        Map<String, FieldDef> fields = new LinkedHashMap<>();
        List<TypeDef.Membership> implementsIn = new ArrayList<>();
        List<TypeDef.Membership> members = new ArrayList<>();
        TypeKind kind;
        switch (type) {
            case ObjectTypeDefinition object -> {
                kind = TypeKind.OBJECT;
                readFields(object.getFieldDefinitions(), joins, type, fields);
                implementsIn.addAll(joins.memberships(object, "implements", "interface"));
            }
            case InterfaceTypeDefinition iface -> {
                kind = TypeKind.INTERFACE;
                readFields(iface.getFieldDefinitions(), joins, type, fields);
                implementsIn.addAll(joins.memberships(iface, "implements", "interface"));
            }
            case UnionTypeDefinition union -> {
                kind = TypeKind.UNION;
                members.addAll(joins.memberships(union, "unionMember", "member"));
            }
            case EnumTypeDefinition ignored -> kind = TypeKind.ENUM;
            case ScalarTypeDefinition ignored -> kind = TypeKind.SCALAR;
            case InputObjectTypeDefinition ignored -> kind = TypeKind.INPUT_OBJECT;
            default -> throw new SupergraphException("Unsupported type definition " + type.getName());
        }
        return new TypeDef(type.getName(), kind, joinTypes, fields, implementsIn, members);
    }

    private static void readFields(List<FieldDefinition> definitions, JoinReader joins, TypeDefinition<?> parent,
                                   Map<String, FieldDef> into) {
        for (FieldDefinition field : definitions) {
            into.put(field.getName(), new FieldDef(field.getName(), field.getType(), joins.fields(parent, field)));
        }
    }

    static String where(String origin, Node<?> node) {
        SourceLocation location = node.getSourceLocation();
        return location == null ? origin : origin + ":" + location.getLine() + ":" + location.getColumn();
    }

    /** Reads join directive applications, translating graph enum values to subgraph names. */
    private record JoinReader(LinkedSpecs specs, Map<String, String> graphs, String origin) {

        List<JoinType> types(TypeDefinition<?> type) {
            List<JoinType> result = new ArrayList<>();
            for (Directive d : ((DirectivesContainer<?>) type).getDirectives(specs.join("type"))) {
                String key = LinkedSpecs.stringArgument(d, "key");
                result.add(new JoinType(graph(d, type), fieldSet(key, d, type), bool(d, "extension", false),
                        bool(d, "resolvable", true), bool(d, "isInterfaceObject", false)));
            }
            return result;
        }

        List<JoinField> fields(TypeDefinition<?> parent, FieldDefinition field) {
            List<JoinField> result = new ArrayList<>();
            for (Directive d : field.getDirectives(specs.join("field"))) {
                String subgraph = d.getArgument("graph") == null ? null : graph(d, field);
                result.add(new JoinField(subgraph, fieldSet(LinkedSpecs.stringArgument(d, "requires"), d, field),
                        fieldSet(LinkedSpecs.stringArgument(d, "provides"), d, field),
                        LinkedSpecs.stringArgument(d, "type"), bool(d, "external", false),
                        LinkedSpecs.stringArgument(d, "override"), bool(d, "usedOverridden", false)));
            }
            return result;
        }

        List<TypeDef.Membership> memberships(DirectivesContainer<?> type, String directive, String argument) {
            List<TypeDef.Membership> result = new ArrayList<>();
            for (Directive d : type.getDirectives(specs.join(directive))) {
                String value = LinkedSpecs.stringArgument(d, argument);
                if (value == null) {
                    throw new SupergraphException(where(origin, d) + ": @" + d.getName() + " needs " + argument);
                }
                result.add(new TypeDef.Membership(graph(d, (Node<?>) type), value));
            }
            return result;
        }

        private String graph(Directive d, Node<?> on) {
            Argument argument = d.getArgument("graph");
            if (argument == null || !(argument.getValue() instanceof EnumValue value)) {
                throw new SupergraphException(where(origin, d) + ": @" + d.getName() + " needs a graph argument");
            }
            String name = graphs.get(value.getName());
            if (name == null) {
                throw new SupergraphException(where(origin, d) + ": @" + d.getName() + " names unknown graph "
                        + value.getName());
            }
            return name;
        }

        private FieldSet fieldSet(String text, Directive d, Node<?> on) {
            if (text == null) {
                return null;
            }
            try {
                return FieldSets.parse(text);
            } catch (InvalidSyntaxException e) {
                throw new SupergraphException(where(origin, d) + ": invalid field set \"" + text + "\" in @"
                        + d.getName() + ": " + e.getMessage(), e);
            }
        }

        private static boolean bool(Directive d, String name, boolean fallback) {
            Argument argument = d.getArgument(name);
            return argument != null && argument.getValue() instanceof BooleanValue b ? b.isValue() : fallback;
        }
    }
}
