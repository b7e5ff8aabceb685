package com.ventusvault.schema.composition;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Regenerates {@code supergraph.graphql} from the subgraph SDLs:
 * {@code java -cp schema/target/classes:<graphql-java> com.ventusvault.schema.composition.SupergraphCli [schema-dir]}.
 * The usual way is {@code ./mvnw -pl schema test -Dsupergraph.update=true}, which runs the same code.
 */
public final class SupergraphCli {

    private SupergraphCli() {
    }

    public static void main(String[] args) throws IOException {
        Path directory = Path.of(args.length > 0 ? args[0] : Files.isDirectory(Path.of("schema", "subgraphs")) ? "schema" : ".");
        try {
            String supergraph = SupergraphFiles.compose(directory);
            Path target = SupergraphFiles.supergraphPath(directory);
            Files.writeString(target, supergraph, StandardCharsets.UTF_8);
            System.out.println("Wrote " + target.toAbsolutePath());
        } catch (CompositionException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }
}
