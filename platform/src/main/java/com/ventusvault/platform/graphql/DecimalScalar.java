package com.ventusvault.platform.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * {@code Decimal}: an exact decimal carried as a JSON string ({@code "12.50"}), mapped to {@link BigDecimal}.
 * Numbers are refused on input because a JSON float may already have lost digits before it reached us; scale
 * checks per currency belong to the domain, which knows the currency.
 */
public final class DecimalScalar {

    public static final GraphQLScalarType INSTANCE = GraphQLScalarType.newScalar()
            .name("Decimal")
            .description("Exact decimal carried as a JSON string, e.g. \"12.50\"; never a float.")
            .coercing(new DecimalCoercing())
            .build();

    private DecimalScalar() {
    }

    private static final class DecimalCoercing implements Coercing<BigDecimal, String> {

        @Override
        public String serialize(Object value, GraphQLContext context, Locale locale) {
            if (value instanceof BigDecimal decimal) {
                return decimal.toPlainString();
            }
            throw new CoercingSerializeException("Decimal expects a BigDecimal, got " + value.getClass().getName());
        }

        @Override
        public BigDecimal parseValue(Object input, GraphQLContext context, Locale locale) {
            if (input instanceof String text) {
                return parse(text, CoercingParseValueException::new);
            }
            throw new CoercingParseValueException("Decimal must be a JSON string such as \"12.50\", got " + describe(input));
        }

        @Override
        public BigDecimal parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            if (input instanceof StringValue text) {
                return parse(text.getValue(), CoercingParseLiteralException::new);
            }
            throw new CoercingParseLiteralException("Decimal must be a string literal such as \"12.50\", got "
                    + input.getClass().getSimpleName().replace("Value", "").toLowerCase(Locale.ROOT));
        }

        private static <E extends RuntimeException> BigDecimal parse(String text, java.util.function.Function<String, E> error) {
            String trimmed = text.strip();
            if (!trimmed.matches("[+-]?\\d{1,30}(\\.\\d{1,30})?")) {
                throw error.apply("Decimal must be digits with an optional fraction such as \"12.50\", got \"" + text + "\"");
            }
            return new BigDecimal(trimmed);
        }

        private static String describe(Object input) {
            return input instanceof Number ? "the number " + input : String.valueOf(input);
        }
    }
}
