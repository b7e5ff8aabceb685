package com.ventusvault.schema.composition;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Where the schema module keeps its files, and how to read them: {@code subgraphs/<name>.graphqls} (one SDL per
 * subgraph, the file name is the subgraph name), {@code subgraphs.properties} ({@code <name>=<url>}) and the composed
 * {@code supergraph.graphql}. The same SDLs and supergraph ship on the classpath as {@code subgraphs/<name>.graphqls}
 * and {@code supergraph.graphql}.
 */
public final class SupergraphFiles {

    public static final String SUPERGRAPH_FILE = "supergraph.graphql";
    public static final String SUBGRAPHS_DIRECTORY = "subgraphs";
    public static final String URLS_FILE = "subgraphs.properties";

    private SupergraphFiles() {
    }

    /**
     * Reads every {@code *.graphqls} under {@code <directory>/subgraphs}, with URLs from
     * {@code <directory>/subgraphs.properties}; a subgraph without a URL is an error.
     */
    public static List<SubgraphSource> readSubgraphs(Path directory) {
        Properties urls = new Properties();
        Path urlsFile = directory.resolve(URLS_FILE);
        if (Files.exists(urlsFile)) {
            try (Reader reader = Files.newBufferedReader(urlsFile, StandardCharsets.UTF_8)) {
                urls.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<SubgraphSource> sources = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory.resolve(SUBGRAPHS_DIRECTORY))) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".graphqls")).sorted().toList()) {
                String name = file.getFileName().toString().replaceFirst("\\.graphqls$", "");
                String url = urls.getProperty(name);
                if (url == null) {
                    throw new IllegalStateException("No URL for subgraph '" + name + "': add '" + name + "=http://...' to " + urlsFile);
                }
                sources.add(new SubgraphSource(name, url.trim(), Files.readString(file, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sources;
    }

    /** Composes the subgraphs found in {@code directory} (see {@link #readSubgraphs}). */
    public static String compose(Path directory) {
        return new SupergraphComposer().compose(readSubgraphs(directory));
    }

    public static Path supergraphPath(Path directory) {
        return directory.resolve(SUPERGRAPH_FILE);
    }

    /** The checked-in supergraph as shipped on the classpath of this module's jar. */
    public static String classpathSupergraph() {
        try (InputStream in = SupergraphFiles.class.getClassLoader().getResourceAsStream(SUPERGRAPH_FILE)) {
            if (in == null) {
                throw new IllegalStateException(SUPERGRAPH_FILE + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
