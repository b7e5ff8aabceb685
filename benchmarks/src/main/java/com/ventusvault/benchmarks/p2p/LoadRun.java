package com.ventusvault.benchmarks.p2p;

import com.ventusvault.benchmarks.load.FundedUsers.LoadUser;
import com.ventusvault.benchmarks.load.GraphQlHttp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One measurement: {@code concurrency} closed-loop workers, each sending one {@code sendMoney} at a time (a fresh
 * idempotency key, 1.00 USD between two random distinct users) to one endpoint, for a warm-up and then a measured
 * duration. Only requests that start and end inside the measured window count; a request succeeds when it comes back
 * as a COMPLETED transfer, and anything else (GraphQL error, refusal, HTTP failure) is an error, counted by kind.
 */
final class LoadRun {

    private static final String SEND = """
            mutation($input: SendMoneyInput!) { sendMoney(input: $input) { transfer { id status } userErrors { code } } }""";

    /** What one measurement saw. Latencies in milliseconds. */
    record Result(String target, int concurrency, double seconds, long completed, long errors, double tps, double p50,
                  double p99, double mean, Map<String, Long> errorKinds) {
    }

    private LoadRun() {
    }

    static Result run(String target, GraphQlHttp endpoint, List<LoadUser> users, int concurrency, Duration warmup,
                      Duration measured, long seed) throws InterruptedException {
        long start = System.nanoTime() + warmup.toNanos();
        long end = start + measured.toNanos();
        List<long[]> latencies = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        Map<String, Long> errorKinds = new ConcurrentHashMap<>();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            Random random = new Random(seed * 31 + i);
            long[][] mine = {new long[1024]};
            int[] count = {0};
            Thread worker = Thread.ofPlatform().name("p2p-" + target + "-" + i).start(() -> {
                while (System.nanoTime() < end) {
                    long sent = System.nanoTime();
                    String error = send(endpoint, users, random);
                    long done = System.nanoTime();
                    if (sent < start || done > end) {
                        continue;
                    }
                    if (error != null) {
                        errors.incrementAndGet();
                        errorKinds.merge(error, 1L, Long::sum);
                        continue;
                    }
                    if (count[0] == mine[0].length) {
                        mine[0] = Arrays.copyOf(mine[0], count[0] * 2);
                    }
                    mine[0][count[0]++] = done - sent;
                }
                synchronized (latencies) {
                    latencies.add(Arrays.copyOf(mine[0], count[0]));
                }
            });
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        double seconds = measured.toNanos() / 1e9;
        return new Result(target, concurrency, seconds, all.length, errors.get(), all.length / seconds,
                percentile(all, 0.50), percentile(all, 0.99),
                all.length == 0 ? 0 : Arrays.stream(all).average().orElse(0) / 1e6, new TreeMap<>(errorKinds));
    }

    /** Sends one transfer; null when it completed, else what went wrong. */
    private static String send(GraphQlHttp endpoint, List<LoadUser> users, Random random) {
        int from = random.nextInt(users.size());
        int to = (from + 1 + random.nextInt(users.size() - 1)) % users.size();
        GraphQlHttp.Answer answer = endpoint.execute(SEND, Map.of("input", Map.of(
                "fromWalletId", users.get(from).wallet(), "toWalletId", users.get(to).wallet(), "amount", "1.00",
                "idempotencyKey", "p2p-bench-" + UUID.randomUUID())), users.get(from).token());
        if (answer.status() != 200 || answer.body() == null) {
            return "HTTP " + answer.status() + (answer.failure() == null ? "" : " " + answer.failure());
        }
        if (!answer.ok()) {
            return "error " + answer.body().path("errors").path(0).path("extensions").path("code").asString("?");
        }
        if (!answer.data("sendMoney.userErrors").isEmpty()) {
            return "refused " + answer.data("sendMoney.userErrors").path(0).path("code").asString();
        }
        String status = answer.data("sendMoney.transfer.status").asString("");
        return status.equals("COMPLETED") ? null : "status " + status;
    }

    /** Nearest-rank percentile of sorted nanosecond latencies, in milliseconds. */
    private static double percentile(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(quantile * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }
}
