package com.ventusvault.gateway.planning;

import com.ventusvault.gateway.supergraph.Supergraph;
import com.ventusvault.gateway.supergraph.SupergraphLoader;
import graphql.ParseAndValidate;
import graphql.language.Document;
import graphql.parser.Parser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Plan golden files: every folder under {@code src/test/resources/plans/} holds {@code operation.graphql} and the
 * expected {@code plan.txt} (or {@code error.txt}: the message of the {@link PlanningException} the planner must
 * throw). A case with {@code subgraphs/*.graphqls} is planned over their composition (written to
 * the case's {@code supergraph.graphql}, whose first line is a hash of the inputs); a case without them is planned
 * over our own supergraph ({@code classpath:supergraph.graphql} from the schema module). Run with
 * {@code -Dgolden.update=true} to rewrite plans and supergraphs, then review the diff.
 */
class QueryPlannerGoldenTests {

    static final Path CASES = Path.of("src/test/resources/plans");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    static Stream<String> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(CASES)) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plansMatchGoldenFile(String name) throws IOException {
        Path dir = CASES.resolve(name);
        Supergraph supergraph = GoldenSupergraphs.forCase(dir, UPDATE);
        Document document = Parser.parse(Files.readString(dir.resolve("operation.graphql")));
        List<?> errors = ParseAndValidate.validate(supergraph.apiSchema(), document);
        assertThat(errors).as("operation.graphql must be valid against the API schema").isEmpty();

        Path expectedError = dir.resolve("error.txt");
        if (Files.exists(expectedError)) { // a case the planner must refuse, as Apollo's does
            assertThatThrownBy(() -> new QueryPlanner(supergraph).plan(document, null))
                    .isInstanceOf(PlanningException.class)
                    .hasMessage(Files.readString(expectedError).strip());
            return;
        }
        String actual = PlanPrinter.print(new QueryPlanner(supergraph).plan(document, null));

        Path golden = dir.resolve("plan.txt");
        if (UPDATE || !Files.exists(golden)) {
            Files.writeString(golden, actual);
        }
        assertThat(actual).isEqualTo(Files.readString(golden));
    }

}
