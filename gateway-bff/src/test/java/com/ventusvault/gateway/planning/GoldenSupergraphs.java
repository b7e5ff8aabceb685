package com.ventusvault.gateway.planning;

import com.ventusvault.gateway.supergraph.Supergraph;
import com.ventusvault.gateway.supergraph.SupergraphLoader;
import com.ventusvault.schema.composition.SubgraphSource;
import com.ventusvault.schema.composition.SupergraphComposer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The supergraph of a golden case: composed from the case's {@code subgraphs/} with the schema module's composer
 * (kept in {@code supergraph.graphql}, first line {@code # inputs-sha256: ...}, regenerated when the inputs change),
 * or our own supergraph when the case has no subgraphs.
 */
public final class GoldenSupergraphs {

    private static final String HASH_PREFIX = "# inputs-sha256: ";

    private GoldenSupergraphs() {
    }

    public static Supergraph forCase(Path dir, boolean update) throws IOException {
        Path subgraphs = dir.resolve("subgraphs");
        if (!Files.isDirectory(subgraphs)) {
            return ours();
        }
        List<SubgraphSource> sources = new ArrayList<>();
        try (Stream<Path> files = Files.list(subgraphs)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".graphqls")).sorted().toList()) {
                String name = file.getFileName().toString().replace(".graphqls", "");
                sources.add(new SubgraphSource(name, "http://" + name + "/graphql", Files.readString(file)));
            }
        }
        String hash = hash(sources);
        Path supergraph = dir.resolve("supergraph.graphql");
        boolean current = Files.exists(supergraph) && Files.readString(supergraph).startsWith(HASH_PREFIX + hash + "\n");
        if (update || !current) {
            Files.writeString(supergraph, HASH_PREFIX + hash + "\n" + new SupergraphComposer().compose(sources));
        }
        return new SupergraphLoader().load(Files.readString(supergraph), supergraph.toString());
    }

    /** Our own composed supergraph, as the gateway loads it by default. */
    public static Supergraph ours() {
        try (InputStream in = GoldenSupergraphs.class.getResourceAsStream("/supergraph.graphql")) {
            if (in == null) {
                throw new IllegalStateException("classpath:supergraph.graphql (schema module) is missing");
            }
            return new SupergraphLoader().load(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    "classpath:supergraph.graphql");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hash(List<SubgraphSource> sources) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (SubgraphSource source : sources) {
                digest.update((source.name() + "\n" + source.url() + "\n" + source.sdl() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
