package com.ventusvault.gateway.supergraph;

import graphql.language.Definition;
import graphql.language.Directive;
import graphql.language.DirectiveDefinition;
import graphql.language.DirectivesContainer;
import graphql.language.Document;
import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.SchemaDefinition;
import graphql.language.Type;
import graphql.language.TypeDefinition;
import graphql.language.TypeName;
import graphql.language.UnionTypeDefinition;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import graphql.schema.idl.errors.SchemaProblem;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Derives the API schema from a supergraph document: removes the join/link machinery and every element
 * marked {@code @inaccessible}, then builds a graphql-java schema used for validation and introspection.
 */
final class ApiSchemaBuilder {

    private final LinkedSpecs specs;
    private final String origin;
    private final Set<String> hiddenTypes = new HashSet<>();

    ApiSchemaBuilder(LinkedSpecs specs, String origin) {
        this.specs = specs;
        this.origin = origin;
    }

    GraphQLSchema build(Document supergraph) {
        for (Definition<?> definition : supergraph.getDefinitions()) {
            if (definition instanceof TypeDefinition<?> type
                    && (specs.isMachineryType(type.getName()) || inaccessible((DirectivesContainer<?>) type))) {
                hiddenTypes.add(type.getName());
            }
        }
        List<Definition> kept = new ArrayList<>();
        for (Definition<?> definition : supergraph.getDefinitions()) {
            Definition<?> api = toApi(definition);
            if (api != null) {
                kept.add(api);
            }
        }
        try {
            var registry = new SchemaParser().buildRegistry(Document.newDocument().definitions(kept).build());
            return UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
        } catch (SchemaProblem | graphql.AssertException e) {
            throw new SupergraphException(origin + ": the API schema derived from the supergraph is invalid: "
                    + e.getMessage(), e);
        }
    }

    private Definition<?> toApi(Definition<?> definition) {
        return switch (definition) {
            case SchemaDefinition schema -> schema.transform(b -> b.directives(List.of()));
            case DirectiveDefinition directive -> specs.isMachineryDirective(directive.getName()) ? null : directive;
            case TypeDefinition<?> type when hiddenTypes.contains(type.getName()) -> null;
            case ObjectTypeDefinition object -> object.transform(b -> b.directives(api(object.getDirectives()))
                    .fieldDefinitions(fields(object.getFieldDefinitions()))
                    .implementz(visibleTypes(object.getImplements())));
            case InterfaceTypeDefinition iface -> iface.transform(b -> b.directives(api(iface.getDirectives()))
                    .definitions(fields(iface.getFieldDefinitions()))
                    .implementz(visibleTypes(iface.getImplements())));
            case UnionTypeDefinition union -> union.transform(b -> b.directives(api(union.getDirectives()))
                    .memberTypes(visibleTypes(union.getMemberTypes())));
            case EnumTypeDefinition e -> e.transform(b -> b.directives(api(e.getDirectives()))
                    .enumValueDefinitions(e.getEnumValueDefinitions().stream().filter(v -> !inaccessible(v))
                            .map(v -> v.transform(vb -> vb.directives(api(v.getDirectives())))).toList()));
            case InputObjectTypeDefinition input -> input.transform(b -> b.directives(api(input.getDirectives()))
                    .inputValueDefinitions(inputs(input.getInputValueDefinitions())));
            case graphql.language.ScalarTypeDefinition scalar ->
                    scalar.transform(b -> b.directives(api(scalar.getDirectives())));
            default -> definition;
        };
    }

    private List<FieldDefinition> fields(List<FieldDefinition> fields) {
        return fields.stream().filter(f -> !inaccessible(f))
                .map(f -> f.transform(b -> b.directives(api(f.getDirectives()))
                        .inputValueDefinitions(inputs(f.getInputValueDefinitions()))))
                .toList();
    }

    private List<InputValueDefinition> inputs(List<InputValueDefinition> inputs) {
        return inputs.stream().filter(i -> !inaccessible(i))
                .map(i -> i.transform(b -> b.directives(api(i.getDirectives())))).toList();
    }

    @SuppressWarnings("rawtypes")
    private List<Type> visibleTypes(List<Type> types) {
        return types.stream().filter(t -> !hiddenTypes.contains(((TypeName) t).getName())).toList();
    }

    private List<Directive> api(List<Directive> directives) {
        return directives.stream().filter(d -> !specs.isMachineryDirective(d.getName())).toList();
    }

    private boolean inaccessible(DirectivesContainer<?> element) {
        return !element.getDirectives(specs.inaccessible()).isEmpty();
    }
}
