package com.ventusvault.gateway.supergraph;

import graphql.language.SelectionSet;

/**
 * A federation field set ({@code @key}, {@code @requires}, {@code @provides}) as written and as parsed.
 *
 * @param text       the field set as it appears in the supergraph, e.g. {@code "id organization { id }"}
 * @param selections the parsed selection set
 */
public record FieldSet(String text, SelectionSet selections) {
}
