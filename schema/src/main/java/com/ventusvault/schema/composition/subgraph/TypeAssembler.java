package com.ventusvault.schema.composition.subgraph;

import com.ventusvault.schema.composition.CompositionError;
import com.ventusvault.schema.composition.CompositionErrorCode;
import graphql.language.Description;
import graphql.language.Directive;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumTypeExtensionDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputObjectTypeExtensionDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.InterfaceTypeExtensionDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ObjectTypeExtensionDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.language.ScalarTypeExtensionDefinition;
import graphql.language.Type;
import graphql.language.TypeDefinition;
import graphql.language.TypeName;
import graphql.language.UnionTypeDefinition;
import graphql.language.UnionTypeExtensionDefinition;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Turns the definition and extension blocks of one type name in one subgraph into a single {@link SubgraphType},
 * reading federation directives as it goes. Type-level {@code @shareable} and {@code @external} apply to the fields
 * of the block they are written on, as in the federation spec.
 */
final class TypeAssembler {

    private static final Set<String> FEDERATION_FIELDS = Set.of("_entities", "_service");

    private final String subgraph;
    private final DirectiveReader directives;
    private final UnaryOperator<String> rootRenames;
    private final boolean federationOne;
    private final List<CompositionError> errors;

    TypeAssembler(String subgraph, DirectiveReader directives, UnaryOperator<String> rootRenames, boolean federationOne,
            List<CompositionError> errors) {
        this.subgraph = subgraph;
        this.directives = directives;
        this.rootRenames = rootRenames;
        this.federationOne = federationOne;
        this.errors = errors;
    }

    /** @param name the type's name in the supergraph (after root renames); blocks all share one kind */
    SubgraphType assemble(String name, List<TypeDefinition<?>> blocks) {
        boolean extensionOnly = blocks.stream().allMatch(TypeAssembler::isExtension);
        String description = blocks.stream().map(TypeAssembler::description).filter(d -> d != null).findFirst().orElse(null);
        AppliedDirectives typeDirectives = directives.read(
                blocks.stream().flatMap(b -> b.getDirectives().stream()).toList(), "type \"" + name + "\"");
        return switch (blocks.getFirst()) {
            case ObjectTypeDefinition ignored -> composite(name, description, false, blocks, typeDirectives, extensionOnly);
            case InterfaceTypeDefinition ignored -> composite(name, description, true, blocks, typeDirectives, extensionOnly);
            case UnionTypeDefinition ignored -> new SubgraphType.UnionType(name, description,
                    blocks.stream().flatMap(b -> ((UnionTypeDefinition) b).getMemberTypes().stream())
                            .map(t -> rootRenames.apply(((TypeName) t).getName())).distinct().toList(),
                    extensionOnly, typeDirectives.annotations());
            case EnumTypeDefinition ignored -> new SubgraphType.EnumType(name, description, enumValues(name, blocks),
                    extensionOnly, typeDirectives.annotations());
            case InputObjectTypeDefinition ignored -> new SubgraphType.InputType(name, description, inputFields(name, blocks),
                    extensionOnly, typeDirectives.annotations());
            case ScalarTypeDefinition ignored -> new SubgraphType.ScalarType(name, description, specifiedBy(blocks),
                    extensionOnly, typeDirectives.annotations());
            default -> throw new IllegalArgumentException("Unsupported definition " + blocks.getFirst());
        };
    }

    static boolean isExtension(TypeDefinition<?> block) {
        return block instanceof ObjectTypeExtensionDefinition || block instanceof InterfaceTypeExtensionDefinition
                || block instanceof UnionTypeExtensionDefinition || block instanceof EnumTypeExtensionDefinition
                || block instanceof InputObjectTypeExtensionDefinition || block instanceof ScalarTypeExtensionDefinition;
    }

    private SubgraphType composite(String name, String description, boolean isInterface, List<TypeDefinition<?>> blocks,
            AppliedDirectives typeDirectives, boolean extensionOnly) {
        boolean extendsDirective = typeDirectives.has("extends");
        List<String> interfaces = new ArrayList<>();
        List<FieldDef> fields = new ArrayList<>();
        List<KeyDef> keys = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (TypeDefinition<?> block : blocks) {
            AppliedDirectives blockDirectives = directives.federationOnly(block.getDirectives());
            for (Directive key : blockDirectives.all("key")) {
                keys.add(key(name, key, isExtension(block) || extendsDirective));
            }
            for (Type<?> itf : implementsOf(block)) {
                String itfName = ((TypeName) itf).getName();
                if (!interfaces.contains(itfName)) {
                    interfaces.add(itfName);
                }
            }
            for (FieldDefinition field : fieldsOf(block)) {
                if (name.equals("Query") && FEDERATION_FIELDS.contains(field.getName())) {
                    continue;
                }
                if (!seen.add(field.getName())) {
                    errors.add(CompositionError.of(CompositionErrorCode.INVALID_GRAPHQL,
                            "Subgraph \"" + subgraph + "\": field \"" + name + "." + field.getName() + "\" is defined more than once"));
                    continue;
                }
                fields.add(field(name, field, blockDirectives));
            }
        }
        if (federationOne) {
            fields = federationOneFields(fields, keys);
        }
        return new SubgraphType.CompositeType(name, description, isInterface, interfaces, fields, keys,
                typeDirectives.has("interfaceObject"), extensionOnly, typeDirectives.annotations());
    }

    private FieldDef field(String typeName, FieldDefinition field, AppliedDirectives blockDirectives) {
        String coordinate = typeName + "." + field.getName();
        AppliedDirectives applied = directives.read(field.getDirectives(), "field \"" + coordinate + "\"");
        List<InputValueDef> arguments = field.getInputValueDefinitions().stream()
                .map(a -> inputValue(coordinate + "(" + a.getName() + ":)", a)).toList();
        return new FieldDef(field.getName(), description(field.getDescription()), typeRef(field.getType()), arguments,
                applied.has("shareable") || blockDirectives.has("shareable"),
                applied.has("external") || blockDirectives.has("external"),
                fieldSet(applied, "requires", coordinate),
                fieldSet(applied, "provides", coordinate),
                applied.string("override", "from"),
                applied.annotations());
    }

    /** Federation 1 semantics: all fields shareable; external key fields of an extension are really owned here. */
    private static List<FieldDef> federationOneFields(List<FieldDef> fields, List<KeyDef> keys) {
        Set<String> keyTopLevel = new LinkedHashSet<>();
        for (KeyDef key : keys) {
            if (key.onExtension()) {
                keyTopLevel.addAll(topLevelNames(key.fields()));
            }
        }
        return fields.stream().map(f -> new FieldDef(f.name(), f.description(), f.type(), f.arguments(), true,
                f.external() && !keyTopLevel.contains(f.name()), f.requires(), f.provides(), f.overrideFrom(), f.annotations())).toList();
    }

    private static Set<String> topLevelNames(String fieldSet) {
        Set<String> names = new LinkedHashSet<>();
        int depth = 0;
        for (String token : fieldSet.replace("{", " { ").replace("}", " } ").trim().split("\\s+")) {
            switch (token) {
                case "{" -> depth++;
                case "}" -> depth--;
                default -> {
                    if (depth == 0 && !token.isEmpty()) {
                        names.add(token);
                    }
                }
            }
        }
        return names;
    }

    private String fieldSet(AppliedDirectives applied, String directive, String coordinate) {
        if (!applied.has(directive)) {
            return null;
        }
        String fields = applied.string(directive, "fields");
        if (fields == null) {
            errors.add(CompositionError.of(CompositionErrorCode.INVALID_FEDERATION_DIRECTIVE_USAGE,
                    "Subgraph \"" + subgraph + "\": @" + directive + " on field \"" + coordinate + "\" needs a string fields argument"));
        }
        return fields;
    }

    private KeyDef key(String typeName, Directive key, boolean onExtension) {
        String fields = AppliedDirectives.stringArgument(key, "fields");
        if (fields == null) {
            errors.add(CompositionError.of(CompositionErrorCode.KEY_INVALID_FIELDS,
                    "Subgraph \"" + subgraph + "\": @key on type \"" + typeName + "\" needs a string fields argument"));
            fields = "";
        }
        Boolean resolvable = AppliedDirectives.booleanArgument(key, "resolvable");
        return new KeyDef(fields, resolvable == null || resolvable, onExtension);
    }

    private InputValueDef inputValue(String coordinate, InputValueDefinition value) {
        AppliedDirectives applied = directives.read(value.getDirectives(), "\"" + coordinate + "\"");
        return new InputValueDef(value.getName(), description(value.getDescription()), typeRef(value.getType()),
                value.getDefaultValue() == null ? null : Literals.print(value.getDefaultValue()), applied.annotations());
    }

    private List<EnumValueDef> enumValues(String name, List<TypeDefinition<?>> blocks) {
        List<EnumValueDef> values = new ArrayList<>();
        for (TypeDefinition<?> block : blocks) {
            for (EnumValueDefinition value : ((EnumTypeDefinition) block).getEnumValueDefinitions()) {
                AppliedDirectives applied = directives.read(value.getDirectives(), "enum value \"" + name + "." + value.getName() + "\"");
                values.add(new EnumValueDef(value.getName(), description(value.getDescription()), applied.annotations()));
            }
        }
        return values;
    }

    private List<InputValueDef> inputFields(String name, List<TypeDefinition<?>> blocks) {
        List<InputValueDef> fields = new ArrayList<>();
        for (TypeDefinition<?> block : blocks) {
            for (InputValueDefinition field : ((InputObjectTypeDefinition) block).getInputValueDefinitions()) {
                fields.add(inputValue(name + "." + field.getName(), field));
            }
        }
        return fields;
    }

    private static String specifiedBy(List<TypeDefinition<?>> blocks) {
        return blocks.stream().flatMap(b -> b.getDirectives("specifiedBy").stream())
                .map(d -> AppliedDirectives.stringArgument(d, "url")).filter(u -> u != null).findFirst().orElse(null);
    }

    private TypeRef typeRef(Type<?> type) {
        TypeRef ref = TypeRef.of(type);
        return rename(ref);
    }

    private TypeRef rename(TypeRef ref) {
        return switch (ref) {
            case TypeRef.Named named -> new TypeRef.Named(rootRenames.apply(named.name()));
            case TypeRef.ListOf list -> new TypeRef.ListOf(rename(list.of()));
            case TypeRef.NonNull nonNull -> new TypeRef.NonNull(rename(nonNull.of()));
        };
    }

    private static List<Type> implementsOf(TypeDefinition<?> block) {
        return switch (block) {
            case ObjectTypeDefinition object -> object.getImplements();
            case InterfaceTypeDefinition itf -> itf.getImplements();
            default -> List.of();
        };
    }

    private static List<FieldDefinition> fieldsOf(TypeDefinition<?> block) {
        return switch (block) {
            case ObjectTypeDefinition object -> object.getFieldDefinitions();
            case InterfaceTypeDefinition itf -> itf.getFieldDefinitions();
            default -> List.of();
        };
    }

    private static String description(TypeDefinition<?> block) {
        return switch (block) {
            case ObjectTypeDefinition d -> description(d.getDescription());
            case InterfaceTypeDefinition d -> description(d.getDescription());
            case UnionTypeDefinition d -> description(d.getDescription());
            case EnumTypeDefinition d -> description(d.getDescription());
            case InputObjectTypeDefinition d -> description(d.getDescription());
            case ScalarTypeDefinition d -> description(d.getDescription());
            default -> null;
        };
    }

    private static String description(Description description) {
        return description == null ? null : description.getContent();
    }
}
