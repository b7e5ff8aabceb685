package com.ventusvault.schema.composition;

import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden composition cases: each folder under {@code src/test/resources/composition/} holds {@code subgraphs/*.graphqls}
 * and {@code subgraphs.properties}, plus either the expected {@code supergraph.graphql} or the expected
 * {@code errors.txt} (one {@code [CODE] message} a line). {@code -Dgolden.update=true} rewrites the expectations;
 * review the diff before committing.
 */
class CompositionGoldenTests {

    private static final Path CASES = Path.of("src", "test", "resources", "composition");

    static Stream<String> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(CASES)) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void composesAsRecorded(String name) throws IOException {
        Path dir = CASES.resolve(name);
        String actual;
        Path expectedFile;
        try {
            actual = new SupergraphComposer().compose(SupergraphFiles.readSubgraphs(dir));
            UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(actual));
            expectedFile = dir.resolve("supergraph.graphql");
        } catch (CompositionException e) {
            actual = e.errors().stream().map(CompositionError::toString).collect(Collectors.joining("\n")) + "\n";
            expectedFile = dir.resolve("errors.txt");
        }
        if (Boolean.getBoolean("golden.update")) {
            for (String file : List.of("supergraph.graphql", "errors.txt")) {
                Files.deleteIfExists(dir.resolve(file));
            }
            Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
            return;
        }
        assertThat(expectedFile).withFailMessage("Case '%s' produced %s, which is not recorded; "
                + "run ./mvnw -pl schema test -Dtest=CompositionGoldenTests -Dgolden.update=true and review", name, expectedFile.getFileName())
                .exists();
        assertThat(actual).isEqualTo(Files.readString(expectedFile, StandardCharsets.UTF_8));
    }
}
