package com.ventusvault.schema.composition.print;

/**
 * Prints descriptions the way Apollo's supergraph printer does: always as block strings, on their own lines when
 * longer than 70 characters or multi-line, and separated from the previous item of a block by an empty line.
 */
final class Descriptions {

    private Descriptions() {
    }

    /**
     * @param indentation  the indentation of the described element
     * @param firstInBlock whether the element is the first field/value/argument of its block
     * @return the description followed by a line break, or the empty string when there is none
     */
    static String print(String description, String indentation, boolean firstInBlock) {
        if (description == null) {
            return "";
        }
        String block = blockString(description, description.length() > 70);
        String prefix = !indentation.isEmpty() && !firstInBlock ? "\n" + indentation : indentation;
        return prefix + block.replace("\n", "\n" + indentation) + "\n";
    }

    private static String blockString(String value, boolean preferMultipleLines) {
        boolean singleLine = value.indexOf('\n') < 0;
        boolean leadingSpace = !value.isEmpty() && (value.charAt(0) == ' ' || value.charAt(0) == '\t');
        boolean trailingQuote = value.endsWith("\"");
        boolean trailingSlash = value.endsWith("\\");
        boolean multipleLines = !singleLine || trailingQuote || trailingSlash || preferMultipleLines;
        StringBuilder result = new StringBuilder();
        if (multipleLines && !(singleLine && leadingSpace)) {
            result.append('\n');
        }
        result.append(value);
        if (multipleLines) {
            result.append('\n');
        }
        return "\"\"\"" + result.toString().replace("\"\"\"", "\\\"\"\"") + "\"\"\"";
    }
}
