package com.ventusvault.schema.composition.validation;

import java.util.Set;

/**
 * What the field sets of one subgraph select, as {@code Type.field} coordinates. Merging needs it: key fields are
 * implicitly shareable, and an overridden field that its old subgraph still uses in a field set stays in the
 * supergraph with {@code usedOverridden: true}.
 *
 * @param keyFields  every field selected by some {@code @key}, nested selections included
 * @param usedFields every field selected by some {@code @key}, {@code @requires} or {@code @provides}
 */
public record SubgraphFieldSets(Set<String> keyFields, Set<String> usedFields) {

    public SubgraphFieldSets {
        keyFields = Set.copyOf(keyFields);
        usedFields = Set.copyOf(usedFields);
    }
}
