package com.ventusvault.gateway.planning;

import com.ventusvault.gateway.planning.PlanNode.RequiredField;
import graphql.language.Argument;
import graphql.language.AstPrinter;
import graphql.language.Directive;
import graphql.language.Field;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.language.ArrayValue;
import graphql.language.ObjectValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The selection set of one subgraph fetch while it is being planned: fields and fragments merged by response
 * key in insertion order. Mutable, confined to one planning run; printed compactly into operation text.
 */
final class SubgraphSelection {

    private final Map<String, Object> items = new LinkedHashMap<>();
    /** The fetch group whose top level this is (root selection or entity type fragment), else null. */
    FetchGroup topLevelOf;

    private static final class FieldItem {
        final String alias;
        final String name;
        final List<Argument> arguments;
        List<Directive> directives;
        final SubgraphSelection children;

        FieldItem(String alias, String name, List<Argument> arguments, List<Directive> directives, boolean composite) {
            this.alias = alias;
            this.name = name;
            this.arguments = arguments;
            this.directives = directives;
            this.children = composite ? new SubgraphSelection() : null;
        }
    }

    private record FragmentItem(String typeCondition, List<Directive> directives, SubgraphSelection children) {
    }

    /** Adds (or finds) a field; returns its sub-selection, or null for a leaf. */
    SubgraphSelection field(String alias, String name, List<Argument> arguments, List<Directive> directives,
                            boolean composite) {
        String key = alias != null ? alias : name;
        Object existing = items.get(key);
        if (existing instanceof FieldItem item) {
            if (!item.name.equals(name) || !printArguments(item.arguments).equals(printArguments(arguments))) {
                throw new IllegalStateException("Conflicting selections for response key '" + key + "': "
                        + item.name + printArguments(item.arguments) + " and " + name + printArguments(arguments));
            }
            if (!printDirectives(item.directives).equals(printDirectives(directives))) {
                item.directives = List.of(); // selected under different conditions: fetch it unconditionally
            }
            return item.children;
        }
        FieldItem item = new FieldItem(alias, name, List.copyOf(arguments), List.copyOf(directives), composite);
        items.put(key, item);
        return item.children;
    }

    /** Adds (or finds) {@code ... on Type @directives}; a null type condition means the enclosing type. */
    SubgraphSelection fragment(String typeCondition, List<Directive> directives) {
        String key = "... " + Objects.toString(typeCondition, "") + printDirectives(directives);
        Object existing = items.get(key);
        if (existing instanceof FragmentItem fragment) {
            return fragment.children;
        }
        FragmentItem fragment = new FragmentItem(typeCondition, List.copyOf(directives), new SubgraphSelection());
        items.put(key, fragment);
        return fragment.children;
    }

    void addTypename() {
        field(null, "__typename", List.of(), List.of(), false);
    }

    /** Adds plain fields from a federation field set (keys, requires). */
    void addFieldSet(SelectionSet set) {
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field f) {
                SubgraphSelection children = field(f.getAlias(), f.getName(), f.getArguments(), List.of(),
                        f.getSelectionSet() != null);
                if (children != null) {
                    children.addFieldSet(f.getSelectionSet());
                }
            } else if (selection instanceof InlineFragment inline) {
                fragment(inline.getTypeCondition() == null ? null : inline.getTypeCondition().getName(), List.of())
                        .addFieldSet(inline.getSelectionSet());
            }
        }
    }

    /**
     * Adds a {@code @requires} field set as the representation shape; fields with arguments are read from the
     * aliased key they were fetched under ({@link #requiredKey}).
     */
    void addRequiredFieldSet(SelectionSet set) {
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field f) {
                String key = requiredKey(f);
                SubgraphSelection children = field(key.equals(f.getName()) ? null : key, f.getName(),
                        f.getArguments(), List.of(), f.getSelectionSet() != null);
                if (children != null) {
                    children.addRequiredFieldSet(f.getSelectionSet());
                }
            } else if (selection instanceof InlineFragment inline) {
                fragment(inline.getTypeCondition() == null ? null : inline.getTypeCondition().getName(), List.of())
                        .addRequiredFieldSet(inline.getSelectionSet());
            }
        }
    }

    /**
     * The response key a required field is fetched under: its name, or for a field with arguments an alias made
     * from the name and the arguments, so it cannot collide with the same field selected with other arguments.
     */
    static String requiredKey(Field field) {
        if (field.getArguments().isEmpty()) {
            return field.getName();
        }
        String arguments = printArguments(field.getArguments());
        return OperationNormalizer.RENAMED_ALIAS_PREFIX + field.getName() + "_"
                + Integer.toHexString(arguments.hashCode());
    }

    /**
     * Whether representations of {@code typeCondition} built from this shape would carry a field of {@code set}
     * with other arguments (a representation has one value per field name).
     */
    boolean conflicts(String typeCondition, SelectionSet set) {
        Object existing = items.get("... " + Objects.toString(typeCondition, ""));
        return existing instanceof FragmentItem fragment && fragment.children.conflicts(set);
    }

    private boolean conflicts(SelectionSet set) {
        for (Selection<?> selection : set.getSelections()) {
            if (!(selection instanceof Field f)) {
                continue;
            }
            for (Object item : items.values()) {
                if (item instanceof FieldItem existing && existing.name.equals(f.getName())) {
                    if (!printArguments(existing.arguments).equals(printArguments(f.getArguments()))) {
                        return true;
                    }
                    if (existing.children != null && f.getSelectionSet() != null
                            && existing.children.conflicts(f.getSelectionSet())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** How many fields (other than {@code __typename}) this selects, at every depth. */
    int fieldCount() {
        int count = 0;
        for (Object item : items.values()) {
            switch (item) {
                case FieldItem field -> count += (field.name.equals("__typename") ? 0 : 1)
                        + (field.children == null ? 0 : field.children.fieldCount());
                case FragmentItem fragment -> count += fragment.children.fieldCount();
                default -> {
                }
            }
        }
        return count;
    }

    boolean isEmpty() {
        return items.values().stream().allMatch(i -> i instanceof FragmentItem f && f.children.isEmpty());
    }

    /** Prints {@code {a b{c}}}. */
    String print() {
        StringBuilder out = new StringBuilder();
        print(out);
        return out.toString();
    }

    private void print(StringBuilder out) {
        out.append('{');
        boolean first = true;
        for (Object item : items.values()) {
            if (item instanceof FragmentItem fragment && fragment.children.isEmpty()) {
                continue; // a fragment that ended up with nothing to select
            }
            if (!first) {
                out.append(' ');
            }
            first = false;
            if (item instanceof FieldItem f) {
                if (f.alias != null) {
                    out.append(f.alias).append(':');
                }
                out.append(f.name).append(printArguments(f.arguments)).append(printDirectives(f.directives));
                if (f.children != null) {
                    f.children.print(out);
                }
            } else {
                FragmentItem fragment = (FragmentItem) item;
                out.append("...");
                if (fragment.typeCondition != null) {
                    out.append(" on ").append(fragment.typeCondition);
                }
                out.append(printDirectives(fragment.directives));
                fragment.children.print(out);
            }
        }
        out.append('}');
    }

    /** Collects the names of variables referenced by arguments and directives, in order of appearance. */
    void collectVariables(Set<String> into) {
        for (Object item : items.values()) {
            if (item instanceof FieldItem f) {
                f.arguments.forEach(a -> collect(a.getValue(), into));
                f.directives.forEach(d -> d.getArguments().forEach(a -> collect(a.getValue(), into)));
                if (f.children != null) {
                    f.children.collectVariables(into);
                }
            } else {
                FragmentItem fragment = (FragmentItem) item;
                fragment.directives.forEach(d -> d.getArguments().forEach(a -> collect(a.getValue(), into)));
                fragment.children.collectVariables(into);
            }
        }
    }

    /** The representation shape: for each type fragment, its plain fields. */
    List<PlanNode.RequiredFragment> toRequiredFragments() {
        List<PlanNode.RequiredFragment> result = new ArrayList<>();
        for (Object item : items.values()) {
            if (item instanceof FragmentItem fragment) {
                result.add(new PlanNode.RequiredFragment(fragment.typeCondition, fragment.children.toRequiredFields()));
            }
        }
        return result;
    }

    private List<RequiredField> toRequiredFields() {
        List<RequiredField> result = new ArrayList<>();
        for (Object item : items.values()) {
            if (item instanceof FieldItem f) {
                result.add(new RequiredField(f.name, f.alias == null ? f.name : f.alias,
                        f.children == null ? List.of() : f.children.toRequiredFields(), null));
            } else if (item instanceof FragmentItem fragment && !fragment.children.isEmpty()) {
                List<RequiredField> inner = fragment.children.toRequiredFields();
                if (fragment.typeCondition == null) {
                    result.addAll(inner);
                } else {
                    result.add(new RequiredField(null, null, inner, fragment.typeCondition));
                }
            }
        }
        return result;
    }

    private static void collect(Value<?> value, Set<String> into) {
        switch (value) {
            case VariableReference ref -> into.add(ref.getName());
            case ArrayValue array -> array.getValues().forEach(v -> collect(v, into));
            case ObjectValue object -> object.getObjectFields().forEach(f -> collect(f.getValue(), into));
            default -> {
            }
        }
    }

    private static String printArguments(List<Argument> arguments) {
        if (arguments.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("(");
        for (int i = 0; i < arguments.size(); i++) {
            out.append(i == 0 ? "" : ",").append(arguments.get(i).getName()).append(':')
                    .append(AstPrinter.printAstCompact(arguments.get(i).getValue()));
        }
        return out.append(')').toString();
    }

    private static String printDirectives(List<Directive> directives) {
        StringBuilder out = new StringBuilder();
        for (Directive d : directives) {
            out.append(" @").append(d.getName()).append(printArguments(d.getArguments()));
        }
        return out.toString();
    }

}
