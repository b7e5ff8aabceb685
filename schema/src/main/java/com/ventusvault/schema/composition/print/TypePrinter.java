package com.ventusvault.schema.composition.print;

import com.ventusvault.schema.composition.subgraph.Literals;
import com.ventusvault.schema.composition.supergraph.JoinField;
import com.ventusvault.schema.composition.supergraph.MergedEnumValue;
import com.ventusvault.schema.composition.supergraph.MergedField;
import com.ventusvault.schema.composition.supergraph.MergedInputValue;
import com.ventusvault.schema.composition.supergraph.MergedType;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Prints one merged type in the layout of Apollo's schema printer: type-level directives one a line under the type
 * name, field-level directives on the field's line.
 */
final class TypePrinter {

    private static final String INDENT = "  ";

    private TypePrinter() {
    }

    static String print(MergedType type) {
        return switch (type) {
            case MergedType.Composite composite -> composite(composite);
            case MergedType.Union union -> union(union);
            case MergedType.Enum enumType -> enumType(enumType);
            case MergedType.Input input -> input(input);
            case MergedType.Scalar scalar -> scalar(scalar);
        };
    }

    private static String composite(MergedType.Composite type) {
        List<String> directives = new ArrayList<>();
        type.implementsJoins().forEach(j -> directives.add(AppliedDirectivePrinter.joinImplements(j)));
        type.joinTypes().forEach(j -> directives.add(AppliedDirectivePrinter.joinType(j)));
        directives.addAll(AppliedDirectivePrinter.annotations(type.annotations()));
        String header = (type.isInterface() ? "interface " : "type ") + type.name()
                + (type.interfaces().isEmpty() ? "" : " implements " + String.join(" & ", type.interfaces()));
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < type.fields().size(); i++) {
            MergedField field = type.fields().get(i);
            List<String> fieldDirectives = new ArrayList<>();
            field.joins().forEach(j -> fieldDirectives.add(AppliedDirectivePrinter.joinField(j)));
            fieldDirectives.addAll(AppliedDirectivePrinter.annotations(field.annotations()));
            fields.add(Descriptions.print(field.description(), INDENT, i == 0) + INDENT + field.name()
                    + arguments(field.arguments()) + ": " + field.type() + inline(fieldDirectives));
        }
        return Descriptions.print(type.description(), "", true) + header + block(directives, fields);
    }

    private static String input(MergedType.Input type) {
        List<String> directives = new ArrayList<>();
        type.joinTypes().forEach(j -> directives.add(AppliedDirectivePrinter.joinType(j)));
        directives.addAll(AppliedDirectivePrinter.annotations(type.annotations()));
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < type.fields().size(); i++) {
            MergedInputValue field = type.fields().get(i);
            List<String> fieldDirectives = new ArrayList<>();
            field.joins().forEach(j -> fieldDirectives.add(AppliedDirectivePrinter.joinField(j)));
            fieldDirectives.addAll(AppliedDirectivePrinter.annotations(field.annotations()));
            fields.add(Descriptions.print(field.description(), INDENT, i == 0) + INDENT + inputValue(field) + inline(fieldDirectives));
        }
        return Descriptions.print(type.description(), "", true) + "input " + type.name() + block(directives, fields);
    }

    private static String enumType(MergedType.Enum type) {
        List<String> directives = new ArrayList<>();
        type.joinTypes().forEach(j -> directives.add(AppliedDirectivePrinter.joinType(j)));
        directives.addAll(AppliedDirectivePrinter.annotations(type.annotations()));
        List<String> values = new ArrayList<>();
        for (int i = 0; i < type.values().size(); i++) {
            MergedEnumValue value = type.values().get(i);
            List<String> valueDirectives = new ArrayList<>();
            value.graphs().forEach(g -> valueDirectives.add(AppliedDirectivePrinter.joinEnumValue(g)));
            valueDirectives.addAll(AppliedDirectivePrinter.annotations(value.annotations()));
            values.add(Descriptions.print(value.description(), INDENT, i == 0) + INDENT + value.name() + inline(valueDirectives));
        }
        return Descriptions.print(type.description(), "", true) + "enum " + type.name() + block(directives, values);
    }

    private static String union(MergedType.Union type) {
        List<String> directives = new ArrayList<>();
        type.joinTypes().forEach(j -> directives.add(AppliedDirectivePrinter.joinType(j)));
        type.memberJoins().forEach(j -> directives.add(AppliedDirectivePrinter.joinUnionMember(j)));
        directives.addAll(AppliedDirectivePrinter.annotations(type.annotations()));
        String members = type.members().isEmpty() ? "" : " = " + String.join(" | ", type.members());
        String onLines = directives.isEmpty() ? ""
                : "\n" + INDENT + String.join("\n" + INDENT, directives) + (type.members().isEmpty() ? "" : "\n");
        return Descriptions.print(type.description(), "", true) + "union " + type.name() + onLines + members;
    }

    private static String scalar(MergedType.Scalar type) {
        List<String> directives = new ArrayList<>();
        type.joinTypes().forEach(j -> directives.add(AppliedDirectivePrinter.joinType(j)));
        directives.addAll(AppliedDirectivePrinter.annotations(type.annotations()));
        if (type.specifiedBy() != null) {
            directives.add("@specifiedBy(url: " + Literals.quote(type.specifiedBy()) + ")");
        }
        String onLines = directives.isEmpty() ? "" : "\n" + INDENT + String.join("\n" + INDENT, directives);
        return Descriptions.print(type.description(), "", true) + "scalar " + type.name() + onLines;
    }

    /** Type-level directives one a line, then the braces block (Apollo's layout). */
    static String block(List<String> directives, List<String> items) {
        String onLines = directives.isEmpty() ? " "
                : "\n" + INDENT + String.join("\n" + INDENT, directives) + (items.isEmpty() ? "" : "\n");
        return onLines + (items.isEmpty() ? "" : "{\n" + String.join("\n", items) + "\n}");
    }

    private static String inline(List<String> directives) {
        return directives.isEmpty() ? "" : " " + String.join(" ", directives);
    }

    private static String arguments(List<MergedInputValue> arguments) {
        if (arguments.isEmpty()) {
            return "";
        }
        if (arguments.stream().allMatch(a -> a.description() == null || a.description().isEmpty())) {
            return arguments.stream().map(TypePrinter::argument).collect(Collectors.joining(", ", "(", ")"));
        }
        String indentation = INDENT + INDENT;
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            MergedInputValue argument = arguments.get(i);
            lines.add(Descriptions.print(argument.description(), indentation, i == 0) + indentation + argument(argument));
        }
        return "(\n" + String.join("\n", lines) + "\n" + INDENT + ")";
    }

    private static String argument(MergedInputValue argument) {
        return inputValue(argument) + inline(AppliedDirectivePrinter.annotations(argument.annotations()));
    }

    private static String inputValue(MergedInputValue value) {
        return value.name() + ": " + value.type() + (value.defaultValue() == null ? "" : " = " + value.defaultValue());
    }
}
