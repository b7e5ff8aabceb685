package com.ventusvault.benchmarks.workload;

import com.ventusvault.schema.composition.SubgraphSource;
import com.ventusvault.schema.composition.SupergraphComposer;

import java.util.ArrayList;
import java.util.List;

/**
 * A synthetic supergraph larger than ours, composed with our own {@link SupergraphComposer}, to show how planning
 * scales with the number of subgraphs and the depth of a query.
 *
 * <p>Every subgraph {@code s<i>} shares the entity {@code Node @key(fields: "id")} and owns its fields
 * {@code name<i>}, {@code score<i>} and {@code next<i>: [Node!]!}; subgraph {@code s0} also owns
 * {@code Query.root}. The deep query walks {@code next0 → next1 → …}, so every level needs an entity fetch from
 * the next subgraph, plus a second, parallel one for a {@code score} owned by the subgraph half-way round. Each
 * subgraph also owns {@code paddingTypes} entity types of its own (a chain reachable from {@code Query}) so the
 * supergraph has realistic bulk the planner must not scan per field.
 */
public final class SyntheticSupergraph {

    /** Entity types each synthetic subgraph adds beyond {@code Node}. */
    public static final int PADDING_TYPES = 20;

    private static final int PADDING_FIELDS = 8;

    private final int subgraphs;
    private final int paddingTypes;

    public SyntheticSupergraph(int subgraphs, int paddingTypes) {
        if (subgraphs < 2) {
            throw new IllegalArgumentException("a synthetic supergraph needs at least 2 subgraphs, not " + subgraphs);
        }
        this.subgraphs = subgraphs;
        this.paddingTypes = paddingTypes;
    }

    /** The supergraph SDL, as the gateway loads it. */
    public String compose() {
        List<SubgraphSource> sources = new ArrayList<>();
        for (int i = 0; i < subgraphs; i++) {
            sources.add(new SubgraphSource("s" + i, "http://localhost:" + (5000 + i) + "/graphql", subgraphSdl(i)));
        }
        return new SupergraphComposer().compose(sources);
    }

    /** One subgraph's SDL. */
    String subgraphSdl(int i) {
        StringBuilder sdl = new StringBuilder();
        sdl.append("extend schema @link(url: \"https://specs.apollo.dev/federation/v2.5\", import: [\"@key\"])\n\n");
        sdl.append("type Query {\n");
        if (i == 0) {
            sdl.append("  root: Node\n");
        }
        sdl.append("  pad").append(i).append(": [Pad").append(i).append("_0!]!\n}\n\n");
        sdl.append("type Node @key(fields: \"id\") {\n  id: ID!\n")
                .append("  name").append(i).append(": String!\n")
                .append("  score").append(i).append(": Int!\n")
                .append("  next").append(i).append(": [Node!]!\n}\n");
        for (int t = 0; t < paddingTypes; t++) {
            sdl.append("\ntype Pad").append(i).append('_').append(t).append(" @key(fields: \"id\") {\n  id: ID!\n");
            for (int f = 0; f < PADDING_FIELDS; f++) {
                sdl.append("  field").append(f).append(": String\n");
            }
            if (t + 1 < paddingTypes) {
                sdl.append("  next: Pad").append(i).append('_').append(t + 1).append('\n');
            }
            sdl.append("}\n");
        }
        return sdl.toString();
    }

    /**
     * {@code query Deep { root { name0 score<h> next0 { name1 score<h+1> next1 { … } } } }}: one level per
     * subgraph, each level owned by the next subgraph, with a score from the subgraph half-way round.
     */
    public String deepQuery() {
        StringBuilder query = new StringBuilder("query Deep {\n  root {");
        for (int level = 0; level < subgraphs; level++) {
            query.append("\n").append("  ".repeat(level + 2))
                    .append("name").append(level)
                    .append(" score").append((level + subgraphs / 2) % subgraphs);
            if (level + 1 < subgraphs) {
                query.append(" next").append(level).append(" {");
            }
        }
        for (int level = subgraphs - 1; level >= 0; level--) {
            query.append(" }");
        }
        return query.append("\n}\n").toString();
    }
}
