package com.ventusvault.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.parser.Parser;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Each distinct document text (per locale) is parsed and validated once; the cache stays bounded. */
class CachedDocumentsTests {

    private final AtomicInteger parses = new AtomicInteger();
    private final Function<ExecutionInput, PreparsedDocumentEntry> parse = input -> {
        parses.incrementAndGet();
        return new PreparsedDocumentEntry(Parser.parse(input.getQuery()));
    };

    @Test
    void theSameTextIsParsedOnceWhateverTheVariables() throws Exception {
        CachedDocuments cache = new CachedDocuments(10);
        ExecutionInput first = ExecutionInput.newExecutionInput("query Q($a: Int) { a(x: $a) }")
                .variables(Map.of("a", 1)).locale(Locale.ENGLISH).build();
        ExecutionInput second = first.transform(builder -> builder.variables(Map.of("a", 2)));

        PreparsedDocumentEntry entry = cache.getDocumentAsync(first, parse).get();
        assertThat(cache.getDocumentAsync(second, parse).get()).isSameAs(entry);
        assertThat(parses).hasValue(1);

        cache.getDocumentAsync(first.transform(builder -> builder.locale(Locale.FRENCH)), parse).get();
        cache.getDocumentAsync(ExecutionInput.newExecutionInput("{ b }").locale(Locale.ENGLISH).build(), parse).get();
        assertThat(parses).hasValue(3);
    }

    @Test
    void staysBoundedAndSkipsHugeDocuments() throws Exception {
        CachedDocuments cache = new CachedDocuments(3);
        for (int i = 0; i < 10; i++) {
            cache.getDocumentAsync(ExecutionInput.newExecutionInput("{ f" + i + " }").locale(Locale.ENGLISH).build(), parse)
                    .get();
            assertThat(cache.size()).isLessThanOrEqualTo(3);
        }
        String huge = "# " + "x".repeat(CachedDocuments.MAX_QUERY_LENGTH) + "\n{ a }";
        ExecutionInput big = ExecutionInput.newExecutionInput(huge).locale(Locale.ENGLISH).build();
        cache.getDocumentAsync(big, parse).get();
        cache.getDocumentAsync(big, parse).get();
        assertThat(parses).hasValue(12);
    }
}
