package com.ventusvault.schema.composition;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checked-in {@code supergraph.graphql} must be exactly what the composer makes of the checked-in subgraph SDLs.
 * Run with {@code -Dsupergraph.update=true} to rewrite it instead of failing.
 */
class SupergraphIsUpToDateTests {

    private static final Path MODULE = Path.of("").toAbsolutePath();

    @Test
    void checkedInSupergraphMatchesCompositionOfTheSubgraphs() throws IOException {
        String composed = SupergraphFiles.compose(MODULE);
        Path file = SupergraphFiles.supergraphPath(MODULE);
        if (Boolean.getBoolean("supergraph.update")) {
            Files.writeString(file, composed, StandardCharsets.UTF_8);
            return;
        }
        String checkedIn = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        assertThat(checkedIn)
                .withFailMessage(() -> "schema/supergraph.graphql is out of date with schema/subgraphs/*.graphqls.\n"
                        + "Regenerate it with:  ./mvnw -pl schema test -Dsupergraph.update=true\n"
                        + "and commit the result. First difference at line " + firstDifferentLine(checkedIn, composed))
                .isEqualTo(composed);
    }

    private static int firstDifferentLine(String a, String b) {
        String[] x = a.split("\n", -1);
        String[] y = b.split("\n", -1);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            if (!x[i].equals(y[i])) {
                return i + 1;
            }
        }
        return Math.min(x.length, y.length) + 1;
    }
}
