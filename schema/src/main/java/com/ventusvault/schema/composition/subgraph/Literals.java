package com.ventusvault.schema.composition.subgraph;

import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.EnumValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;

import java.util.stream.Collectors;

/** GraphQL literal syntax for values: default values of arguments and input fields, and directive arguments. */
public final class Literals {

    private Literals() {
    }

    public static String print(Value<?> value) {
        return switch (value) {
            case StringValue string -> quote(string.getValue());
            case IntValue integer -> integer.getValue().toString();
            case FloatValue decimal -> decimal.getValue().toPlainString();
            case BooleanValue bool -> Boolean.toString(bool.isValue());
            case NullValue ignored -> "null";
            case EnumValue enumValue -> enumValue.getName();
            case ArrayValue array -> array.getValues().stream().map(Literals::print).collect(Collectors.joining(", ", "[", "]"));
            case ObjectValue object -> object.getObjectFields().stream()
                    .map(f -> f.getName() + ": " + print(f.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
            case VariableReference variable -> "$" + variable.getName();
            default -> throw new IllegalArgumentException("Unsupported literal " + value);
        };
    }

    /** A GraphQL string literal (double quotes, JSON-style escapes). */
    public static String quote(String raw) {
        StringBuilder out = new StringBuilder(raw.length() + 2).append('"');
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
