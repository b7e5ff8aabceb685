package com.ventusvault.gateway.planning;

import com.ventusvault.gateway.supergraph.FieldDef;
import com.ventusvault.gateway.supergraph.Supergraph;
import com.ventusvault.gateway.supergraph.TypeDef;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.NonNullType;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.TypeName;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a validated document and operation name into a {@link ClientOperation}: picks the operation, inlines
 * fragment spreads, drops fragments that only restate their parent type, and assigns storage keys.
 */
public final class OperationNormalizer {

    /** Storage keys of renamed aliases start with this; error paths strip it again. */
    public static final String RENAMED_ALIAS_PREFIX = "_vv_";

    private static final TypeName STRING = TypeName.newTypeName("String").build();

    private final Supergraph supergraph;

    public OperationNormalizer(Supergraph supergraph) {
        this.supergraph = supergraph;
    }

    /** Normalises the operation named {@code operationName} (or the only one) of a valid document. */
    public ClientOperation normalize(Document document, String operationName) {
        OperationDefinition operation = selectOperation(document, operationName);
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.put(f.getName(), f));
        String kind = operation.getOperation().name().toLowerCase(java.util.Locale.ROOT);
        String rootType = supergraph.rootType(kind);
        if (rootType == null) {
            throw new IllegalArgumentException("The schema has no " + kind + " type");
        }
        List<ClientSelection> selections = new Walk(fragments).selections(rootType, operation.getSelectionSet());
        return new ClientOperation(kind, operation.getName(), rootType, operation.getVariableDefinitions(),
                selections);
    }

    /** The operation to run: the one named, or the only one when no name is given. */
    public static OperationDefinition selectOperation(Document document, String operationName) {
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        if (operationName == null || operationName.isEmpty()) {
            if (operations.size() != 1) {
                throw new IllegalArgumentException(operations.isEmpty() ? "The document contains no operation"
                        : "The document contains several operations; operationName is required");
            }
            return operations.getFirst();
        }
        return operations.stream().filter(o -> operationName.equals(o.getName())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown operation named '" + operationName + "'"));
    }

    private final class Walk {
        private final Map<String, FragmentDefinition> fragments;

        Walk(Map<String, FragmentDefinition> fragments) {
            this.fragments = fragments;
        }

        List<ClientSelection> selections(String parentType, SelectionSet set) {
            return selections(parentType, set, false);
        }

        /** {@code narrowed}: the selections sit in a fragment on a type narrower than the enclosing field's. */
        List<ClientSelection> selections(String parentType, SelectionSet set, boolean narrowed) {
            List<ClientSelection> result = new ArrayList<>();
            if (set == null) {
                return result;
            }
            for (Selection<?> selection : set.getSelections()) {
                switch (selection) {
                    case Field field -> result.add(field(parentType, field, narrowed));
                    case InlineFragment inline -> fragment(parentType,
                            inline.getTypeCondition() == null ? null : inline.getTypeCondition().getName(),
                            inline.getDirectives(), inline.getSelectionSet(), result);
                    case FragmentSpread spread -> {
                        FragmentDefinition definition = fragments.get(spread.getName());
                        if (definition == null) {
                            throw new IllegalArgumentException("Unknown fragment '" + spread.getName() + "'");
                        }
                        fragment(parentType, definition.getTypeCondition().getName(), spread.getDirectives(),
                                definition.getSelectionSet(), result);
                    }
                    default -> throw new IllegalStateException("Unknown selection " + selection);
                }
            }
            return result;
        }

        private void fragment(String parentType, String typeCondition, List<Directive> directives,
                              SelectionSet set, List<ClientSelection> into) {
            List<Directive> conditions = conditions(directives);
            String type = typeCondition == null ? parentType : typeCondition;
            List<ClientSelection> children = selections(type, set, !type.equals(parentType));
            if (type.equals(parentType) && conditions.isEmpty()) {
                into.addAll(children);
            } else {
                into.add(new ClientFragment(type.equals(parentType) ? null : type, conditions, children));
            }
        }

        private ClientField field(String parentType, Field field, boolean narrowed) {
            String name = field.getName();
            String responseKey = field.getResultKey();
            String storageKey = storageKey(parentType, field);
            if (narrowed && storageKey.equals(responseKey) && typeDiffersInSomeSubgraph(parentType, name)) {
                // sibling fragments may select this name with another type: subgraphs refuse such a pair
                storageKey = RENAMED_ALIAS_PREFIX + responseKey;
            }
            List<Directive> conditions = conditions(field.getDirectives());
            if (name.equals("__typename")) {
                return new ClientField(responseKey, storageKey, name, List.of(), conditions, parentType,
                        NonNullType.newNonNullType(STRING).build(), List.of());
            }
            if (name.startsWith("__")) {
                return new ClientField(responseKey, storageKey, name, field.getArguments(), conditions, parentType,
                        null, List.of());
            }
            FieldDef def = supergraph.field(parentType, name);
            return new ClientField(responseKey, storageKey, name, field.getArguments(), conditions, parentType,
                    def.type(), selections(def.namedType(), field.getSelectionSet()));
        }

        /**
         * An alias that equals the name of another field of the parent (or of one of its possible types) could
         * collide with a key or required field the planner adds; such aliases are renamed in subgraph queries.
         */
        private String storageKey(String parentType, Field field) {
            String alias = field.getAlias();
            if (alias == null || alias.equals(field.getName())) {
                return field.getName();
            }
            boolean collides = alias.equals("__typename") || hasField(parentType, alias);
            for (String possible : supergraph.possibleTypes(parentType)) {
                collides |= hasField(possible, alias);
            }
            return collides ? RENAMED_ALIAS_PREFIX + alias : alias;
        }

        private boolean typeDiffersInSomeSubgraph(String type, String name) {
            TypeDef def = supergraph.types().get(type);
            FieldDef field = def == null ? null : def.fields().get(name);
            return field != null && field.joins().stream().anyMatch(j -> j.type() != null
                    && !j.type().equals(graphql.language.AstPrinter.printAstCompact(field.type())));
        }

        private boolean hasField(String type, String name) {
            TypeDef def = supergraph.types().get(type);
            return def != null && def.fields().containsKey(name);
        }
    }

    private static List<Directive> conditions(List<Directive> directives) {
        return directives.stream().filter(d -> d.getName().equals("skip") || d.getName().equals("include")).toList();
    }
}
