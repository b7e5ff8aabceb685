package com.ventusvault.schema.composition;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown by {@link SupergraphComposer#compose} when the subgraphs do not compose. It carries every error found, not
 * only the first, so one run shows the whole list; {@link #getMessage()} prints them one a line.
 */
public class CompositionException extends RuntimeException {

    private final List<CompositionError> errors;

    public CompositionException(List<CompositionError> errors) {
        super(describe(errors));
        this.errors = List.copyOf(errors);
    }

    public List<CompositionError> errors() {
        return errors;
    }

    /** The distinct codes, in the order first reported; handy in tests. */
    public List<String> codes() {
        return errors.stream().map(CompositionError::code).distinct().toList();
    }

    private static String describe(List<CompositionError> errors) {
        return "Composition failed with " + errors.size() + " error(s):\n"
                + errors.stream().map(e -> "  " + e).collect(Collectors.joining("\n"));
    }
}
