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
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** {@code DateTime}: an RFC 3339 timestamp, always written in UTC with millisecond precision. */
public final class DateTimeScalar {

    public static final GraphQLScalarType INSTANCE = GraphQLScalarType.newScalar()
            .name("DateTime")
            .description("RFC 3339 timestamp in UTC, e.g. 2026-11-22T10:15:30Z.")
            .coercing(new DateTimeCoercing())
            .build();

    private DateTimeScalar() {
    }

    private static final class DateTimeCoercing implements Coercing<Instant, String> {

        @Override
        public String serialize(Object value, GraphQLContext context, Locale locale) {
            Instant instant = switch (value) {
                case Instant i -> i;
                case OffsetDateTime o -> o.toInstant();
                case java.time.ZonedDateTime z -> z.toInstant();
                case java.time.LocalDateTime l -> l.toInstant(ZoneOffset.UTC);
                default -> throw new CoercingSerializeException("DateTime expects an Instant, got " + value.getClass().getName());
            };
            return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
        }

        @Override
        public Instant parseValue(Object input, GraphQLContext context, Locale locale) {
            if (input instanceof String text) {
                try {
                    return OffsetDateTime.parse(text).toInstant();
                } catch (DateTimeParseException e) {
                    throw new CoercingParseValueException("DateTime must be RFC 3339 such as 2026-11-22T10:15:30Z, got \"" + text + "\"");
                }
            }
            throw new CoercingParseValueException("DateTime must be a string such as \"2026-11-22T10:15:30Z\"");
        }

        @Override
        public Instant parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            if (input instanceof StringValue text) {
                try {
                    return OffsetDateTime.parse(text.getValue()).toInstant();
                } catch (DateTimeParseException e) {
                    throw new CoercingParseLiteralException("DateTime must be RFC 3339 such as 2026-11-22T10:15:30Z");
                }
            }
            throw new CoercingParseLiteralException("DateTime must be a string literal such as \"2026-11-22T10:15:30Z\"");
        }
    }
}
