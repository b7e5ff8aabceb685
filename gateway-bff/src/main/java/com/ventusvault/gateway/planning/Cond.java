package com.ventusvault.gateway.planning;

import graphql.language.BooleanValue;
import graphql.language.Directive;
import graphql.language.VariableReference;

import java.util.List;

/**
 * When a selection applies, as far as the planner can tell from {@code @skip}/{@code @include}: always, never,
 * when one boolean variable has one value, or under a combination it does not track ({@link #COMPLEX}).
 *
 * @param variable the variable, or null for {@link #ALWAYS}, {@link #NEVER}, {@link #COMPLEX}
 * @param when     the value of the variable for which the selection applies
 * @param kind     ALWAYS, NEVER, VARIABLE or COMPLEX
 */
record Cond(String variable, boolean when, String kind) {

    static final Cond ALWAYS = new Cond(null, true, "ALWAYS");
    static final Cond NEVER = new Cond(null, false, "NEVER");
    static final Cond COMPLEX = new Cond(null, true, "COMPLEX");

    /** The condition of a selection with {@code directives} inside a selection that applies under {@code this}. */
    Cond and(List<Directive> directives) {
        Cond result = this;
        for (Directive directive : directives) {
            boolean include = directive.getName().equals("include");
            var argument = directive.getArgument("if");
            Cond own;
            if (argument == null) {
                continue;
            } else if (argument.getValue() instanceof BooleanValue b) {
                own = b.isValue() == include ? ALWAYS : NEVER;
            } else if (argument.getValue() instanceof VariableReference ref) {
                own = new Cond(ref.getName(), include, "VARIABLE");
            } else {
                own = COMPLEX;
            }
            result = result.and(own);
        }
        return result;
    }

    private Cond and(Cond other) {
        if (this == NEVER || other == NEVER) {
            return NEVER;
        }
        if (this == ALWAYS) {
            return other;
        }
        if (other == ALWAYS || this.equals(other)) {
            return this;
        }
        if (kind.equals("VARIABLE") && other.kind.equals("VARIABLE") && variable.equals(other.variable)) {
            return NEVER; // $v and not $v
        }
        return COMPLEX;
    }

    boolean isVariable() {
        return kind.equals("VARIABLE");
    }
}
