package com.ventusvault.schema.composition.subgraph;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One parsed subgraph: its types in declaration order, with root types already renamed to {@code Query},
 * {@code Mutation} and {@code Subscription}, federation directives resolved whatever name they were imported under,
 * and federation's own definitions ({@code _entities}, {@code _Any}, {@code FieldSet}...) left out.
 *
 * <p>Like Apollo's composition, every subgraph has a {@code Query} type (a subgraph always serves
 * {@code _entities}/{@code _service}), even when its SDL defines none: {@link #syntheticQuery()} says so.
 */
public record Subgraph(String name, String url, Map<String, SubgraphType> types, boolean syntheticQuery) {

    public Subgraph {
        types = Collections.unmodifiableMap(new LinkedHashMap<>(types));
    }

    /** The {@code join__Graph} enum value naming this subgraph, e.g. {@code ACCOUNTS}. */
    public String graphEnumValue() {
        return GraphNames.enumValue(name);
    }

    public SubgraphType type(String typeName) {
        return types.get(typeName);
    }

    public Optional<SubgraphType.CompositeType> composite(String typeName) {
        return types.get(typeName) instanceof SubgraphType.CompositeType composite ? Optional.of(composite) : Optional.empty();
    }

    public List<SubgraphType> typeList() {
        return List.copyOf(types.values());
    }
}
