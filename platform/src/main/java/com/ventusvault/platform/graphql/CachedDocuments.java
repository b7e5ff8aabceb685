package com.ventusvault.platform.graphql;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Parses and validates each distinct document once per schema: clients send the same few operations over and over
 * (variables vary, the text does not), and parsing + validating them was a visible share of a subgraph's CPU per
 * request. The result, errors included, depends only on the text, the schema (fixed for the app's lifetime; one
 * cache per app) and the locale of the messages, which form the key. Bounded: documents longer than
 * {@link #MAX_QUERY_LENGTH} are not kept, and the cache starts over when it holds {@code maxEntries}, so odd or
 * hostile documents cost a parse each, as before, and never memory without bound.
 */
final class CachedDocuments implements PreparsedDocumentProvider {

    static final int MAX_QUERY_LENGTH = 16_384;

    private final int maxEntries;
    private final Map<Key, PreparsedDocumentEntry> entries = new ConcurrentHashMap<>();

    CachedDocuments(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
            Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        String query = input.getQuery();
        if (query == null || query.length() > MAX_QUERY_LENGTH) {
            return CompletableFuture.completedFuture(parseAndValidate.apply(input));
        }
        Key key = new Key(query, input.getLocale());
        PreparsedDocumentEntry known = entries.get(key);
        if (known != null) {
            return CompletableFuture.completedFuture(known);
        }
        PreparsedDocumentEntry entry = parseAndValidate.apply(input);
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(key, entry);
        return CompletableFuture.completedFuture(entry);
    }

    /** How many documents are cached now (for tests). */
    int size() {
        return entries.size();
    }

    private record Key(String query, Locale locale) {
    }
}
