package com.ventusvault.benchmarks.workload;

import com.ventusvault.gateway.supergraph.Supergraph;
import com.ventusvault.gateway.supergraph.SupergraphLoader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * What a benchmark plans: a loaded supergraph and a deep, multi-subgraph query over it. Benchmarks take the
 * workload's name as a JMH {@code @Param}, so one run shows how planning scales from our real four-subgraph
 * supergraph to larger synthetic ones.
 *
 * @param name          the {@code @Param} value: {@code real}, or {@code synthetic-N} for N synthetic subgraphs
 * @param supergraph    the loaded supergraph, as the gateway holds it
 * @param query         the document text a client would send
 * @param operationName the operation to plan
 */
public record Workload(String name, Supergraph supergraph, String query, String operationName) {

    /** The deep query of issue 3: accounts → payments → accounts → ai, and markets at the root. */
    public static final String REAL_DEEP_QUERY = """
            query Deep {
              me {
                displayName
                wallets {
                  currency
                  balance { amount }
                  owner { displayName wallets { id owner { email } } }
                }
                insights { summary fundedWallets }
              }
              rates(pairs: ["BTC/USDT", "ETH/USDT"]) { pair price }
            }
            """;

    /** Every workload name the benchmarks accept; keep in step with their {@code @Param} lists. */
    public static final String REAL = "real";
    public static final String SYNTHETIC_8 = "synthetic-8";
    public static final String SYNTHETIC_16 = "synthetic-16";

    /** Loads the workload named {@code name} (this composes the synthetic supergraphs, which takes a moment). */
    public static Workload named(String name) {
        if (name.equals(REAL)) {
            String sdl = classpathText("supergraph.graphql");
            return new Workload(name, new SupergraphLoader().load(sdl, "classpath:supergraph.graphql"),
                    REAL_DEEP_QUERY, "Deep");
        }
        if (name.startsWith("synthetic-")) {
            SyntheticSupergraph synthetic = new SyntheticSupergraph(Integer.parseInt(name.substring(10)),
                    SyntheticSupergraph.PADDING_TYPES);
            return new Workload(name, new SupergraphLoader().load(synthetic.compose(), name),
                    synthetic.deepQuery(), "Deep");
        }
        throw new IllegalArgumentException("Unknown workload '" + name + "' (use " + REAL + " or synthetic-N)");
    }

    private static String classpathText(String resource) {
        try (InputStream in = Workload.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("classpath:" + resource + " is missing; does the schema module "
                        + "ship it?");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
