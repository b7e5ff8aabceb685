package com.ventusvault.gateway.security;

import com.ventusvault.gateway.supergraph.AccessRequirement;
import com.ventusvault.gateway.supergraph.AccessRules;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnionType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds every field with an access rule that an operation selects (through fragments too). A field's rule is its own
 * {@code @authenticated}/{@code @requiresScopes}, those of the type it returns, and, as Apollo's router does, those of
 * every possible runtime type behind an abstract one: selecting {@code Node.secret} needs what every implementation's
 * {@code secret} needs. Runs once per operation (see {@link AccessControl}); the result is reused by every request.
 */
final class AccessAnalyzer {

    private final GraphQLSchema schema;
    private final AccessRules rules;

    AccessAnalyzer(GraphQLSchema schema, AccessRules rules) {
        this.schema = schema;
        this.rules = rules;
    }

    /** The guarded fields of the operation named {@code operationName} (or the only one) in an already valid document. */
    List<GuardedField> analyze(Document document, String operationName) {
        List<GuardedField> guarded = new ArrayList<>();
        if (rules.isEmpty()) {
            return guarded;
        }
        OperationDefinition operation = null;
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        for (var definition : document.getDefinitions()) {
            if (definition instanceof OperationDefinition op
                    && (operationName == null || operationName.equals(op.getName()))) {
                operation = op;
            } else if (definition instanceof FragmentDefinition fragment) {
                fragments.put(fragment.getName(), fragment);
            }
        }
        if (operation == null) {
            return guarded;
        }
        GraphQLObjectType root = switch (operation.getOperation()) {
            case QUERY -> schema.getQueryType();
            case MUTATION -> schema.getMutationType();
            case SUBSCRIPTION -> schema.getSubscriptionType();
        };
        new Walk(fragments, guarded).selections(operation.getSelectionSet(), root, "o", List.of(), Set.of());
        return guarded;
    }

    private final class Walk {
        private final Map<String, FragmentDefinition> fragments;
        private final List<GuardedField> guarded;
        private final Map<String, AccessRequirement> requirements = new HashMap<>();

        Walk(Map<String, FragmentDefinition> fragments, List<GuardedField> guarded) {
            this.fragments = fragments;
            this.guarded = guarded;
        }

        void selections(SelectionSet set, GraphQLCompositeType parent, String address, List<GuardedField.Segment> path,
                        Set<String> spreading) {
            if (set == null || parent == null) {
                return;
            }
            List<Selection> selections = set.getSelections();
            for (int i = 0; i < selections.size(); i++) {
                String here = address + "/" + i;
                switch (selections.get(i)) {
                    case Field field -> field(field, parent, here, path, spreading);
                    case InlineFragment inline -> selections(inline.getSelectionSet(), inline.getTypeCondition() == null
                            ? parent : (GraphQLCompositeType) schema.getType(inline.getTypeCondition().getName()),
                            here, path, spreading);
                    case FragmentSpread spread -> {
                        FragmentDefinition fragment = fragments.get(spread.getName());
                        if (fragment != null && !spreading.contains(fragment.getName())) {
                            Set<String> inner = new HashSet<>(spreading);
                            inner.add(fragment.getName());
                            selections(fragment.getSelectionSet(),
                                    (GraphQLCompositeType) schema.getType(fragment.getTypeCondition().getName()),
                                    "f:" + fragment.getName(), path, inner);
                        }
                    }
                    default -> {
                    }
                }
            }
        }

        private void field(Field field, GraphQLCompositeType parent, String address, List<GuardedField.Segment> path,
                           Set<String> spreading) {
            if (field.getName().startsWith("__") || !(parent instanceof GraphQLFieldsContainer container)) {
                return; // meta fields are public; unions have no fields of their own
            }
            GraphQLFieldDefinition definition = container.getFieldDefinition(field.getName());
            if (definition == null) {
                return;
            }
            List<GuardedField.Segment> below = new ArrayList<>(path);
            below.add(new GuardedField.Segment(field.getResultKey(), definition.getType(),
                    parent instanceof GraphQLObjectType ? parent.getName() : null));
            AccessRequirement requirement = requirements.computeIfAbsent(parent.getName() + "." + field.getName(),
                    key -> requirement(container, definition));
            if (!requirement.isNone()) {
                guarded.add(new GuardedField(address, parent.getName() + "." + field.getName(), below, requirement));
            }
            GraphQLType named = GraphQLTypeUtil.unwrapAll(definition.getType());
            if (named instanceof GraphQLCompositeType composite) {
                selections(field.getSelectionSet(), composite, address, below, spreading);
            }
        }

        private AccessRequirement requirement(GraphQLFieldsContainer parent, GraphQLFieldDefinition field) {
            AccessRequirement requirement = rules.field(parent.getName(), field.getName());
            if (parent instanceof GraphQLInterfaceType iface) {
                for (GraphQLObjectType implementation : schema.getImplementations(iface)) {
                    requirement = requirement.and(rules.field(implementation.getName(), field.getName()));
                }
            }
            GraphQLNamedType returned = (GraphQLNamedType) GraphQLTypeUtil.unwrapAll(field.getType());
            requirement = requirement.and(rules.type(returned.getName()));
            List<GraphQLObjectType> possible = switch (returned) {
                case GraphQLInterfaceType iface -> schema.getImplementations(iface);
                case GraphQLUnionType union -> union.getTypes().stream()
                        .map(t -> (GraphQLObjectType) t).toList();
                default -> List.of();
            };
            for (GraphQLObjectType type : possible) {
                requirement = requirement.and(rules.type(type.getName()));
            }
            return requirement;
        }
    }
}
