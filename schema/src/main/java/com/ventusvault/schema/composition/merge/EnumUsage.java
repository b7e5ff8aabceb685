package com.ventusvault.schema.composition.merge;

import com.ventusvault.schema.composition.supergraph.MergedField;
import com.ventusvault.schema.composition.supergraph.MergedInputValue;
import com.ventusvault.schema.composition.supergraph.MergedType;

import java.util.Collection;

/**
 * Where an enum is used in the merged schema, with one example coordinate per position for messages. The position
 * decides how its values merge.
 */
record EnumUsage(String inputExample, String outputExample) {

    boolean input() {
        return inputExample != null;
    }

    boolean output() {
        return outputExample != null;
    }

    static EnumUsage of(String enumName, Collection<MergedType> types) {
        String input = null;
        String output = null;
        for (MergedType type : types) {
            if (type instanceof MergedType.Composite composite) {
                for (MergedField field : composite.fields()) {
                    if (output == null && field.type().baseName().equals(enumName)) {
                        output = composite.name() + "." + field.name();
                    }
                    for (MergedInputValue argument : field.arguments()) {
                        if (input == null && argument.type().baseName().equals(enumName)) {
                            input = composite.name() + "." + field.name() + "(" + argument.name() + ":)";
                        }
                    }
                }
            } else if (type instanceof MergedType.Input inputType) {
                for (MergedInputValue field : inputType.fields()) {
                    if (input == null && field.type().baseName().equals(enumName)) {
                        input = inputType.name() + "." + field.name();
                    }
                }
            }
        }
        return new EnumUsage(input, output);
    }
}
