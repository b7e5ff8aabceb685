package com.ventusvault.benchmarks.p2p;

import com.ventusvault.benchmarks.load.CommandLine;
import com.ventusvault.benchmarks.load.FundedUsers;
import com.ventusvault.benchmarks.load.FundedUsers.LoadUser;
import com.ventusvault.benchmarks.load.GraphQlHttp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * P2P transfers per second and latency against a running stack (started by {@code benchmarks/p2p/run.sh}, or any
 * stack you point it at): makes N funded users through the gateway, then for each concurrency measures
 * {@code sendMoney} through the gateway and straight to the payments subgraph, and prints one Markdown row per run.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar com.ventusvault.benchmarks.p2p.P2pLoad \
 *     --gateway http://127.0.0.1:4000/graphql --payments http://127.0.0.1:4002/graphql \
 *     --users 64 --concurrency 8,16,32 --warmup 5 --duration 30 [--targets gateway,payments] [--seed 1]
 * </pre>
 */
public final class P2pLoad {

    private P2pLoad() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = CommandLine.options(args);
        String gatewayUrl = options.getOrDefault("gateway", "http://127.0.0.1:4000/graphql");
        Map<String, String> targets = new LinkedHashMap<>();
        for (String target : options.getOrDefault("targets", "gateway,payments").split(",")) {
            targets.put(target, target.equals("gateway") ? gatewayUrl
                    : options.getOrDefault(target, "http://127.0.0.1:4002/graphql"));
        }
        int userCount = Integer.parseInt(options.getOrDefault("users", "64"));
        int[] concurrencies = Arrays.stream(options.getOrDefault("concurrency", "8,16,32").split(","))
                .mapToInt(Integer::parseInt).toArray();
        Duration warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "5")));
        Duration duration = Duration.ofSeconds(Long.parseLong(options.getOrDefault("duration", "30")));
        long seed = Long.parseLong(options.getOrDefault("seed", "1"));
        System.out.printf("P2P load: users=%d concurrency=%s warmup=%ds duration=%ds targets=%s seed=%d%n", userCount,
                Arrays.toString(concurrencies), warmup.toSeconds(), duration.toSeconds(), targets, seed);

        long setup = System.nanoTime();
        List<LoadUser> users = FundedUsers.create(new GraphQlHttp(gatewayUrl), "p2p-bench-", userCount, "100000.00");
        System.out.printf("%d users with a funded USD wallet in %.1f s%n", users.size(), (System.nanoTime() - setup) / 1e9);

        List<LoadRun.Result> results = new ArrayList<>();
        for (int concurrency : concurrencies) {
            for (Map.Entry<String, String> target : targets.entrySet()) {
                LoadRun.Result result = LoadRun.run(target.getKey(), new GraphQlHttp(target.getValue()), users,
                        concurrency, warmup, duration, seed);
                results.add(result);
                System.out.println("RESULT " + row(result));
            }
        }
        System.out.println();
        System.out.println("| target | concurrency | completed | tps | p50 ms | p99 ms | mean ms | errors |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---|");
        results.forEach(result -> System.out.println(row(result)));
    }

    private static String row(LoadRun.Result r) {
        return String.format("| %s | %d | %d | %.1f | %.1f | %.1f | %.1f | %d%s |", r.target(), r.concurrency(),
                r.completed(), r.tps(), r.p50(), r.p99(), r.mean(), r.errors(),
                r.errorKinds().isEmpty() ? "" : " " + r.errorKinds());
    }

}
