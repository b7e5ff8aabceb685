package com.ventusvault.gateway.supergraph;

import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.Definition;
import graphql.language.Directive;
import graphql.language.DirectivesContainer;
import graphql.language.Document;
import graphql.language.FieldDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.SchemaDefinition;
import graphql.language.StringValue;
import graphql.language.TypeDefinition;
import graphql.language.Value;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.Set;

/**
 * The access rules a supergraph declares: {@code @authenticated} and {@code @requiresScopes} on fields and types,
 * recognised through the supergraph's {@code @link}s to authenticated/v0.x and requiresScopes/v0.x (under their
 * {@code as:} names when renamed). Read once when the gateway starts; the API schema does not carry these directives.
 */
public final class AccessRules {

    private static final String SPECS = "https://specs.apollo.dev/";

    private final Map<String, AccessRequirement> fields;
    private final Map<String, AccessRequirement> types;

    private AccessRules(Map<String, AccessRequirement> fields, Map<String, AccessRequirement> types) {
        this.fields = Map.copyOf(fields);
        this.types = Map.copyOf(types);
    }

    /** The rules of {@code supergraph} (none when it links neither spec). */
    public static AccessRules of(Supergraph supergraph) {
        ParserOptions options = ParserOptions.getDefaultSdlParserOptions().transform(o -> o
                .maxTokens(Integer.MAX_VALUE).maxWhitespaceTokens(Integer.MAX_VALUE).maxCharacters(Integer.MAX_VALUE));
        Document document = new Parser().parseDocument(ParserEnvironment.newParserEnvironment()
                .document(supergraph.sdl()).parserOptions(options).build());
        String authenticated = null;
        String requiresScopes = null;
        for (SchemaDefinition schema : document.getDefinitionsOfType(SchemaDefinition.class)) {
            for (Directive link : schema.getDirectives("link")) {
                String url = LinkedSpecs.stringArgument(link, "url");
                if (url == null || !url.startsWith(SPECS)) {
                    continue;
                }
                String spec = url.substring(SPECS.length()).split("/")[0];
                String as = LinkedSpecs.stringArgument(link, "as");
                if (spec.equals("authenticated")) {
                    authenticated = as != null ? as : spec;
                } else if (spec.equals("requiresScopes")) {
                    requiresScopes = as != null ? as : spec;
                }
            }
        }
        Map<String, AccessRequirement> fields = new HashMap<>();
        Map<String, AccessRequirement> types = new HashMap<>();
        if (authenticated != null || requiresScopes != null) {
            for (Definition<?> definition : document.getDefinitions()) {
                if (!(definition instanceof TypeDefinition<?> type)) {
                    continue;
                }
                put(types, type.getName(), read((DirectivesContainer<?>) type, authenticated, requiresScopes));
                List<FieldDefinition> typeFields = switch (type) {
                    case ObjectTypeDefinition object -> object.getFieldDefinitions();
                    case InterfaceTypeDefinition iface -> iface.getFieldDefinitions();
                    default -> List.of();
                };
                for (FieldDefinition field : typeFields) {
                    put(fields, type.getName() + "." + field.getName(), read(field, authenticated, requiresScopes));
                }
            }
        }
        return new AccessRules(fields, types);
    }

    /** What {@code type.field} itself requires (its return type's rules not included). */
    public AccessRequirement field(String type, String field) {
        return fields.getOrDefault(type + "." + field, AccessRequirement.NONE);
    }

    /** What every value of {@code type} requires. */
    public AccessRequirement type(String type) {
        return types.getOrDefault(type, AccessRequirement.NONE);
    }

    /** Whether the supergraph declares no rule at all (then nothing needs checking). */
    public boolean isEmpty() {
        return fields.isEmpty() && types.isEmpty();
    }

    private static void put(Map<String, AccessRequirement> into, String key, AccessRequirement requirement) {
        if (!requirement.isNone()) {
            into.put(key, requirement);
        }
    }

    private static AccessRequirement read(DirectivesContainer<?> element, String authenticated, String requiresScopes) {
        boolean needsToken = authenticated != null && !element.getDirectives(authenticated).isEmpty();
        List<List<Set<String>>> scopes = new ArrayList<>();
        if (requiresScopes != null) {
            for (Directive directive : element.getDirectives(requiresScopes)) {
                scopes.add(alternatives(directive));
            }
        }
        return new AccessRequirement(needsToken, scopes);
    }

    private static List<Set<String>> alternatives(Directive directive) {
        Argument argument = directive.getArgument("scopes");
        if (argument == null || !(argument.getValue() instanceof ArrayValue outer) || outer.getValues().isEmpty()) {
            throw new SupergraphException("@" + directive.getName() + " needs scopes: [[String!]!]!");
        }
        List<Set<String>> anyOf = new ArrayList<>();
        for (Value<?> inner : outer.getValues()) {
            Set<String> all = new LinkedHashSet<>();
            if (inner instanceof ArrayValue list) {
                for (Value<?> scope : list.getValues()) {
                    if (!(scope instanceof StringValue string)) {
                        throw new SupergraphException("@" + directive.getName() + " scopes must be strings");
                    }
                    all.add(string.getValue());
                }
            } else if (inner instanceof StringValue single) { // input coercion: a lone value is a list of one
                all.add(single.getValue());
            }
            anyOf.add(all);
        }
        return anyOf;
    }
}
