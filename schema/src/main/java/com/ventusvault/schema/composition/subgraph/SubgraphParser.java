package com.ventusvault.schema.composition.subgraph;

import com.ventusvault.schema.composition.CompositionError;
import com.ventusvault.schema.composition.CompositionErrorCode;
import com.ventusvault.schema.composition.SubgraphSource;
import graphql.language.DirectiveDefinition;
import graphql.language.Document;
import graphql.language.OperationTypeDefinition;
import graphql.language.SDLDefinition;
import graphql.language.SchemaDefinition;
import graphql.language.TypeDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Stage 1 of composition: parses one subgraph's SDL with graphql-java and builds its {@link Subgraph} model.
 * Errors are added to the given list; the subgraph is returned only when it parsed and all its type references
 * resolve, so later stages can trust it.
 */
public final class SubgraphParser {

    /** Federation and link spec definitions a subgraph may print; they are not merged. */
    private static final Set<String> SPEC_TYPES = Set.of(
            "_Any", "_Entity", "_Service", "FieldSet", "_FieldSet", "federation__FieldSet", "link__Import",
            "link__Purpose", "federation__Scope", "federation__Policy", "federation__ContextFieldValue",
            "link__FieldSet", "federation__Cost");

    private static final Map<String, String> DEFAULT_ROOTS = Map.of(
            "query", "Query", "mutation", "Mutation", "subscription", "Subscription");

    public Optional<Subgraph> parse(SubgraphSource source, List<CompositionError> errors) {
        String name = source.name();
        Document document;
        try {
            ParserEnvironment environment = ParserEnvironment.newParserEnvironment()
                    .document(source.sdl())
                    .parserOptions(ParserOptions.getDefaultSdlParserOptions())
                    .build();
            document = new Parser().parseDocument(environment);
        } catch (InvalidSyntaxException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLine() + ", column " + e.getLocation().getColumn();
            errors.add(CompositionError.of(CompositionErrorCode.INVALID_GRAPHQL,
                    "Subgraph \"" + name + "\": syntax error" + where + ": " + e.getMessage()));
            return Optional.empty();
        }
        int errorsBefore = errors.size();
        FederationImports imports = FederationImports.read(document, name, errors);
        Set<String> definedDirectives = document.getDefinitionsOfType(DirectiveDefinition.class).stream()
                .map(DirectiveDefinition::getName).collect(Collectors.toSet());
        Map<String, String> renames = rootRenames(document, name, errors);
        DirectiveReader directives = new DirectiveReader(name, imports, definedDirectives, errors);
        TypeAssembler assembler = new TypeAssembler(name, directives, t -> renames.getOrDefault(t, t),
                imports.federationOneStyle(), errors);

        Map<String, SubgraphType> types = new LinkedHashMap<>();
        blocksByName(document, renames, name, errors).forEach((typeName, blocks) -> types.put(typeName, assembler.assemble(typeName, blocks)));
        boolean syntheticQuery = !types.containsKey("Query");
        if (syntheticQuery) {
            types.put("Query", new SubgraphType.CompositeType("Query", null, false, List.of(), List.of(), List.of(), false, false, Annotations.NONE));
        }
        Subgraph subgraph = new Subgraph(name, source.url(), types, syntheticQuery);
        new TypeReferenceCheck(subgraph, errors).run();
        return errors.size() == errorsBefore ? Optional.of(subgraph) : Optional.empty();
    }

    /** Maps a custom root type name (from {@code schema { query: Root }}) to the supergraph's name for it. */
    private static Map<String, String> rootRenames(Document document, String subgraph, List<CompositionError> errors) {
        Map<String, String> renames = new HashMap<>();
        for (SchemaDefinition schema : document.getDefinitionsOfType(SchemaDefinition.class)) {
            for (OperationTypeDefinition operation : schema.getOperationTypeDefinitions()) {
                String canonical = DEFAULT_ROOTS.get(operation.getName());
                String actual = operation.getTypeName().getName();
                if (canonical != null && !canonical.equals(actual)) {
                    renames.put(actual, canonical);
                }
            }
        }
        for (Map.Entry<String, String> rename : renames.entrySet()) {
            boolean clash = document.getDefinitionsOfType(TypeDefinition.class).stream()
                    .anyMatch(t -> t.getName().equals(rename.getValue()));
            if (clash) {
                errors.add(CompositionError.of(CompositionErrorCode.ROOT_TYPE_CONFLICT,
                        "Subgraph \"" + subgraph + "\": type \"" + rename.getKey() + "\" is a root type, so it is named \""
                                + rename.getValue() + "\" in the supergraph, but the subgraph also defines a type \"" + rename.getValue() + "\""));
            }
        }
        return renames;
    }

    private static Map<String, List<TypeDefinition<?>>> blocksByName(Document document, Map<String, String> renames,
            String subgraph, List<CompositionError> errors) {
        Map<String, List<TypeDefinition<?>>> blocks = new LinkedHashMap<>();
        for (SDLDefinition<?> definition : document.getDefinitionsOfType(SDLDefinition.class)) {
            if (!(definition instanceof TypeDefinition<?> type) || SPEC_TYPES.contains(type.getName())) {
                continue;
            }
            String name = renames.getOrDefault(type.getName(), type.getName());
            List<TypeDefinition<?>> existing = blocks.computeIfAbsent(name, k -> new ArrayList<>());
            if (!existing.isEmpty() && baseKind(existing.getFirst()) != baseKind(type)) {
                errors.add(CompositionError.of(CompositionErrorCode.INVALID_GRAPHQL,
                        "Subgraph \"" + subgraph + "\": type \"" + name + "\" is defined with two different kinds"));
                continue;
            }
            if (!TypeAssembler.isExtension(type) && existing.stream().anyMatch(b -> !TypeAssembler.isExtension(b))) {
                errors.add(CompositionError.of(CompositionErrorCode.INVALID_GRAPHQL,
                        "Subgraph \"" + subgraph + "\": type \"" + name + "\" is defined more than once"));
                continue;
            }
            existing.add(type);
        }
        return blocks;
    }

    private static Class<?> baseKind(TypeDefinition<?> type) {
        Class<?> kind = type.getClass();
        while (kind.getSimpleName().endsWith("ExtensionDefinition")) {
            kind = kind.getSuperclass();
        }
        return kind;
    }
}
