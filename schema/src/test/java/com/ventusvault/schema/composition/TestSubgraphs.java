package com.ventusvault.schema.composition;

import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Builds small subgraphs inline for composition tests. */
final class TestSubgraphs {

    /** The federation link most tests use, importing every directive the composer handles. */
    static final String FED = """
            extend schema @link(url: "https://specs.apollo.dev/federation/v2.5",
              import: ["@key", "@shareable", "@external", "@requires", "@provides", "@override",
                       "@inaccessible", "@tag", "@interfaceObject", "@extends"])
            """;

    private TestSubgraphs() {
    }

    static SubgraphSource subgraph(String name, String sdl) {
        return new SubgraphSource(name, "http://" + name + "/graphql", FED + sdl);
    }

    static SubgraphSource raw(String name, String sdl) {
        return new SubgraphSource(name, "http://" + name + "/graphql", sdl);
    }

    /** Composes name/SDL pairs (the federation link is prepended) and checks graphql-java can load the result. */
    static String compose(String... nameAndSdl) {
        return composeSources(sources(nameAndSdl));
    }

    static String composeSources(List<SubgraphSource> sources) {
        String supergraph = new SupergraphComposer().compose(sources);
        UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(supergraph));
        return supergraph;
    }

    static CompositionException failure(String... nameAndSdl) {
        return failureOf(sources(nameAndSdl));
    }

    static CompositionException failureOf(List<SubgraphSource> sources) {
        CompositionException[] caught = new CompositionException[1];
        assertThatThrownBy(() -> new SupergraphComposer().compose(sources))
                .isInstanceOfSatisfying(CompositionException.class, e -> caught[0] = e);
        return caught[0];
    }

    static List<SubgraphSource> sources(String... nameAndSdl) {
        if (nameAndSdl.length % 2 != 0) {
            throw new IllegalArgumentException("pairs of name and SDL expected: " + Arrays.toString(nameAndSdl));
        }
        List<SubgraphSource> sources = new ArrayList<>();
        for (int i = 0; i < nameAndSdl.length; i += 2) {
            sources.add(subgraph(nameAndSdl[i], nameAndSdl[i + 1]));
        }
        return sources;
    }

    /** The printed block of one type, from its first line to its closing line, for focused assertions. */
    static String typeBlock(String supergraph, String header) {
        int start = supergraph.indexOf("\n" + header);
        if (start < 0) {
            throw new AssertionError("No '" + header + "' in:\n" + supergraph);
        }
        int end = supergraph.indexOf("\n\n", start + 1);
        return supergraph.substring(start + 1, end < 0 ? supergraph.length() : end).strip();
    }
}
