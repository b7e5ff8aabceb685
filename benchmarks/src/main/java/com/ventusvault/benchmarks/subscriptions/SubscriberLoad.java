package com.ventusvault.benchmarks.subscriptions;

import com.ventusvault.benchmarks.load.CommandLine;
import com.ventusvault.benchmarks.load.FundedUsers;
import com.ventusvault.benchmarks.load.FundedUsers.LoadUser;
import com.ventusvault.benchmarks.load.GraphQlHttp;
import com.ventusvault.stack.GraphQlSocket;
import com.ventusvault.stack.GraphQlSocket.Event;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Commit-to-client latency of {@code balanceUpdated} with many concurrent subscribers (issue 6, point 5; not a test).
 * Against a running stack (started by {@code benchmarks/subscriptions/run.sh}, or any you point it at): makes U funded
 * users, opens N WebSockets to the gateway (graphql-transport-ws), socket i subscribing to the USD wallet of user
 * i mod U, waits until every socket has had an event, then sends P2P transfers between random users at a fixed rate
 * and records when each subscriber receives the update of each transfer.
 *
 * <p>"Commit" is bracketed by the {@code sendMoney} call: the transaction commits after the request was sent and
 * before its answer arrives (on loopback, a millisecond or two before). Latency is reported from the answer (a
 * slight underestimate of commit-to-client) and from the request (an overestimate); both are printed.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar com.ventusvault.benchmarks.subscriptions.SubscriberLoad \
 *     --gateway http://127.0.0.1:4000/graphql --subscribers 1000 --users 100 --rate 10 --duration 30 \
 *     [--selection owner|plain] [--seed 1]
 * </pre>
 */
public final class SubscriberLoad {

    private static final String PLAIN = """
            subscription($walletId: ID!) { balanceUpdated(walletId: $walletId) {
              balance { amount currency } transfer { id } version } }""";
    /** The example: every event also needs the owner's name from accounts (an entity fetch per event). */
    private static final String OWNER = """
            subscription($walletId: ID!) { balanceUpdated(walletId: $walletId) {
              wallet { owner { displayName } } balance { amount currency } transfer { id } version } }""";
    private static final String SEND = """
            mutation($input: SendMoneyInput!) { sendMoney(input: $input) { transfer { id } userErrors { code message } } }""";

    /** One delivered update: which socket, which transfer, when (System.nanoTime). */
    private record Delivery(int socket, String transferId, long at) {
    }

    /** When a transfer was sent and answered, and whose sockets should hear of it. */
    private record Sent(long requested, long answered, int from, int to) {
    }

    private SubscriberLoad() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = CommandLine.options(args);
        String gatewayUrl = options.getOrDefault("gateway", "http://127.0.0.1:4000/graphql");
        int subscribers = Integer.parseInt(options.getOrDefault("subscribers", "1000"));
        int userCount = Integer.parseInt(options.getOrDefault("users", "100"));
        double rate = Double.parseDouble(options.getOrDefault("rate", "10"));
        Duration duration = Duration.ofSeconds(Long.parseLong(options.getOrDefault("duration", "30")));
        String selection = options.getOrDefault("selection", "owner");
        Random random = new Random(Long.parseLong(options.getOrDefault("seed", "1")));
        System.out.printf("Subscriber load: subscribers=%d users=%d rate=%.1f/s duration=%ds selection=%s%n",
                subscribers, userCount, rate, duration.toSeconds(), selection);

        GraphQlHttp gateway = new GraphQlHttp(gatewayUrl);
        long setup = System.nanoTime();
        List<LoadUser> users = FundedUsers.create(gateway, "subscriber-bench-", userCount, "1000000.00");
        System.out.printf("%d users with a funded USD wallet in %.1f s%n", users.size(), (System.nanoTime() - setup) / 1e9);

        ConcurrentLinkedQueue<Delivery> deliveries = new ConcurrentLinkedQueue<>();
        AtomicInteger failures = new AtomicInteger();
        long connecting = System.nanoTime();
        List<GraphQlSocket> sockets = open(URI.create(gatewayUrl.replaceFirst("^http", "ws")), users, subscribers,
                selection.equals("plain") ? PLAIN : OWNER, deliveries, failures);
        System.out.printf("%d sockets subscribed in %.1f s%n", sockets.size(), (System.nanoTime() - connecting) / 1e9);

        settle(gateway, users, subscribers, deliveries, random);
        deliveries.clear();

        Map<String, Sent> sent = new ConcurrentHashMap<>();
        long interval = (long) (1e9 / rate);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        AtomicLong refused = new AtomicLong();
        for (long next = start; next < end; next += interval) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int from = random.nextInt(users.size());
            int to = (from + 1 + random.nextInt(users.size() - 1)) % users.size();
            long requested = System.nanoTime();
            String id = transfer(gateway, users.get(from), users.get(to));
            long answered = System.nanoTime();
            if (id == null) {
                refused.incrementAndGet();
            } else {
                sent.put(id, new Sent(requested, answered, from, to));
            }
        }
        TimeUnit.SECONDS.sleep(5); // stragglers
        report(subscribers, users.size(), sent, deliveries, refused.get(), failures.get());
        sockets.forEach(GraphQlSocket::close);
        System.exit(0);
    }

    /** Opens the sockets 64 at a time, each subscribing once; socket i follows user i mod U. */
    private static List<GraphQlSocket> open(URI endpoint, List<LoadUser> users, int count, String document,
                                            ConcurrentLinkedQueue<Delivery> deliveries, AtomicInteger failures)
            throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Semaphore inFlight = new Semaphore(64);
        List<GraphQlSocket> sockets = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger refused = new AtomicInteger();
        for (int i = 0; i < count; i++) {
            int index = i;
            LoadUser user = users.get(i % users.size());
            inFlight.acquire();
            GraphQlSocket.connect(http, endpoint, GraphQlSocket.Protocol.TRANSPORT_WS, GraphQlSocket.bearer(user.token()))
                    .whenComplete((socket, failed) -> {
                        inFlight.release();
                        if (failed != null) {
                            refused.incrementAndGet();
                            return;
                        }
                        sockets.add(socket);
                        socket.subscribe(document, Map.of("walletId", user.wallet()), event -> {
                            long at = System.nanoTime();
                            if (event instanceof Event.Next next) {
                                String transfer = next.payload().path("data").path("balanceUpdated").path("transfer")
                                        .path("id").asString(null);
                                deliveries.add(new Delivery(index, transfer, at));
                            } else {
                                failures.incrementAndGet();
                            }
                        });
                    });
        }
        inFlight.acquire(64);
        if (refused.get() > 0) {
            throw new IllegalStateException(refused.get() + " of " + count + " sockets could not connect");
        }
        return sockets;
    }

    /** Transfers around the ring of users until every socket has had an event: then every subscription is live. */
    private static void settle(GraphQlHttp gateway, List<LoadUser> users, int subscribers,
                               ConcurrentLinkedQueue<Delivery> deliveries, Random random) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        BitSet heard = new BitSet(subscribers);
        int rounds = 0;
        while (heard.cardinality() < subscribers) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Only " + heard.cardinality() + " of " + subscribers
                        + " subscriptions delivered an event within 120 s");
            }
            for (int u = 0; u < users.size(); u++) {
                transfer(gateway, users.get(u), users.get((u + 1) % users.size()));
            }
            rounds++;
            TimeUnit.SECONDS.sleep(1);
            for (Delivery delivery : deliveries) {
                heard.set(delivery.socket());
            }
        }
        System.out.printf("every subscription live after %d settling round(s)%n", rounds);
        TimeUnit.SECONDS.sleep(2);
    }

    private static String transfer(GraphQlHttp gateway, LoadUser from, LoadUser to) {
        GraphQlHttp.Answer answer = gateway.execute(SEND, Map.of("input", Map.of("fromWalletId", from.wallet(),
                "toWalletId", to.wallet(), "amount", "0.01", "idempotencyKey", UUID.randomUUID().toString())), from.token());
        return answer.ok() && answer.data("sendMoney.userErrors").isEmpty()
                ? answer.data("sendMoney.transfer.id").asString() : null;
    }

    private static void report(int subscribers, int users, Map<String, Sent> sent, ConcurrentLinkedQueue<Delivery> deliveries,
                               long refused, int failures) {
        List<Long> fromAnswer = new ArrayList<>();
        List<Long> fromRequest = new ArrayList<>();
        Map<String, Set<Integer>> heardBy = new LinkedHashMap<>();
        for (Delivery delivery : deliveries) {
            Sent transfer = delivery.transferId() == null ? null : sent.get(delivery.transferId());
            if (transfer == null) {
                continue;
            }
            // A wallet may change twice for one transfer: the first update counts.
            if (heardBy.computeIfAbsent(delivery.transferId(), id -> new HashSet<>()).add(delivery.socket())) {
                fromAnswer.add(Math.max(0, delivery.at() - transfer.answered()));
                fromRequest.add(delivery.at() - transfer.requested());
            }
        }
        long expected = 0;
        for (Sent transfer : sent.values()) {
            expected += socketsOf(transfer.from(), users, subscribers) + socketsOf(transfer.to(), users, subscribers);
        }
        System.out.printf("%d transfers (%d refused), %d of %d expected deliveries, %d subscription errors%n",
                sent.size(), refused, fromAnswer.size(), expected, failures);
        System.out.println();
        System.out.println("| subscribers | users | transfers | deliveries | missing | p50 ms | p90 ms | p99 ms | max ms | p50/p99 from request ms |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        System.out.printf("| %d | %d | %d | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f / %.1f |%n", subscribers, users,
                sent.size(), fromAnswer.size(), expected - fromAnswer.size(), percentile(fromAnswer, 50),
                percentile(fromAnswer, 90), percentile(fromAnswer, 99), percentile(fromAnswer, 100),
                percentile(fromRequest, 50), percentile(fromRequest, 99));
    }

    private static int socketsOf(int user, int users, int subscribers) {
        return subscribers / users + (user < subscribers % users ? 1 : 0);
    }

    private static double percentile(List<Long> nanos, double percentile) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

}
