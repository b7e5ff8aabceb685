package com.ventusvault.markets.trading;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.ventusvault.platform.security.ServiceSignature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for payments' {@code POST /internal/trades} (the contract in the issue 6 notes), on a local port: checks
 * the {@code X-Ventus-Signature} over the exact bytes received with {@link ServiceSignature}, refuses malformed
 * instructions, remembers each trade id's answer and gives it again (byte-equal) without posting twice, and answers a
 * known trade id with another instruction 409. How it decides a new trade, and whether it answers at all, is switched
 * by the test ({@link Behaviour}). Payments' own endpoint is tested in subgraph-payments; this one lets markets' side
 * of the contract be tested where the real ledger cannot easily misbehave (5xx, lost answers, down).
 */
final class PaymentsStandIn implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, Integer> SCALES = Map.of("USD", 2, "EUR", 2, "GBP", 2, "NGN", 2, "BTC", 8,
            "ETH", 18, "USDT", 6, "USDC", 6, "SOL", 9);

    /** How a new instruction is treated. */
    enum Behaviour {
        /** Posted: two fresh transfer ids. */
        COMPLETE,
        /** Refused for good with INSUFFICIENT_FUNDS (recorded, like payments does). */
        INSUFFICIENT_FUNDS,
        /** HTTP 503 before anything is recorded. */
        SERVER_ERROR,
        /** Posted and recorded, but the answer is sent only after {@link #lateBy}: markets gives up first. */
        ANSWER_LATE
    }

    /** One request as received. */
    record Received(String signature, String contentType, byte[] body) {

        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    /** A trade id's stored outcome: the instruction it was posted with and the answer's bytes. */
    private record Outcome(JsonNode instruction, byte[] answer) {
    }

    private final ServiceSignature signatures;
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Outcome> outcomes = new HashMap<>();
    private final List<JsonNode> postings = Collections.synchronizedList(new ArrayList<>());
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final int port;
    private volatile HttpServer server;
    private volatile Behaviour behaviour = Behaviour.COMPLETE;
    private volatile Duration lateBy = Duration.ZERO;
    private volatile Duration clockAhead = Duration.ZERO;

    private PaymentsStandIn(String secret) {
        this.signatures = new ServiceSignature(secret, Clock.systemUTC(), Duration.ofMinutes(5));
        this.server = listen(0);
        this.port = server.getAddress().getPort();
    }

    /** A stand-in that trusts signatures made with {@code secret}, listening on a free port. */
    static PaymentsStandIn start(String secret) {
        return new PaymentsStandIn(secret);
    }

    /** The base URL markets is told ({@code ventus.markets.trading.payments-url}). */
    String url() {
        return "http://localhost:" + port;
    }

    /** Back to answering at once, posting every new trade, on its own clock. */
    void reset() {
        behaviour = Behaviour.COMPLETE;
        lateBy = Duration.ZERO;
        clockAhead = Duration.ZERO;
    }

    void behave(Behaviour behaviour) {
        this.behaviour = behaviour;
    }

    /** {@link Behaviour#ANSWER_LATE}: record the trade, then answer after {@code delay}. */
    void answerLate(Duration delay) {
        this.lateBy = delay;
        this.behaviour = Behaviour.ANSWER_LATE;
    }

    /** Payments' clock runs this far ahead of markets' (its clock decides expiry). */
    void clockAhead(Duration ahead) {
        this.clockAhead = ahead;
    }

    /** Stops listening: connections are refused until {@link #resume()}. */
    void goDown() {
        server.stop(0);
    }

    /** Listens again on the same port. */
    void resume() {
        server = listen(port);
    }

    /** Every request received, in order (refused ones included). */
    List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** Requests received for one trade id. */
    List<Received> receivedFor(String tradeId) {
        return received().stream().filter(request -> tradeId.equals(request.json().path("tradeId").asString(""))).toList();
    }

    /** The instructions that were posted (a new trade id, decided and recorded): at most one per trade id. */
    List<JsonNode> postings() {
        synchronized (postings) {
            return List.copyOf(postings);
        }
    }

    /** The recorded answer for a trade id, as sent. */
    synchronized JsonNode answerFor(String tradeId) {
        Outcome outcome = outcomes.get(tradeId);
        return outcome == null ? null : JSON.readTree(outcome.answer());
    }

    @Override
    public void close() {
        server.stop(0);
        threads.close();
    }

    private HttpServer listen(int onPort) {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 0);
            http.createContext("/internal/trades", this::handle);
            http.setExecutor(threads);
            http.start();
            return http;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String signature = exchange.getRequestHeaders().getFirst(ServiceSignature.HEADER);
            received.add(new Received(signature, exchange.getRequestHeaders().getFirst("Content-Type"), body));
            if (!"POST".equals(exchange.getRequestMethod())) {
                send(exchange, 405, error("BAD_REQUEST", "POST only"));
                return;
            }
            if (!signatures.verify(signature, body)) {
                send(exchange, 401, error("UNAUTHENTICATED", "Missing or bad X-Ventus-Signature"));
                return;
            }
            JsonNode instruction;
            try {
                instruction = JSON.readTree(body);
            } catch (RuntimeException malformed) {
                send(exchange, 400, error("BAD_REQUEST", "Not JSON"));
                return;
            }
            String problem = problemWith(instruction);
            if (problem != null) {
                send(exchange, 400, error("BAD_REQUEST", problem));
                return;
            }
            if (behaviour == Behaviour.SERVER_ERROR) {
                send(exchange, 503, error("INTERNAL", "The ledger is unavailable"));
                return;
            }
            byte[] answer = decide(instruction);
            if (answer == null) {
                send(exchange, 409, error("TRADE_MISMATCH", "Trade already instructed differently"));
                return;
            }
            if (behaviour == Behaviour.ANSWER_LATE) {
                sleep(lateBy);
            }
            send(exchange, 200, answer);
        } catch (IOException lostClient) {
            // Markets gave up waiting (a late answer): the trade stays recorded, as payments' would.
        }
    }

    /** The stored answer for a known trade id (null if the instruction differs), else a new one, recorded. */
    private synchronized byte[] decide(JsonNode instruction) {
        String tradeId = instruction.path("tradeId").asString("");
        Outcome known = outcomes.get(tradeId);
        if (known != null) {
            return known.instruction().equals(instruction) ? known.answer() : null;
        }
        Instant now = Instant.now().plus(clockAhead);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("tradeId", tradeId);
        if (now.isAfter(Instant.parse(instruction.path("expiresAt").asString("")))) {
            failed(answer, "QUOTE_EXPIRED", "The quote expired at " + instruction.path("expiresAt").asString("")
                    + " before the trade reached the ledger (ledger time " + now.atOffset(ZoneOffset.UTC) + ")");
        } else if (behaviour == Behaviour.INSUFFICIENT_FUNDS) {
            failed(answer, "INSUFFICIENT_FUNDS", "The wallet holds less than the sold amount plus the fee");
        } else {
            answer.put("status", "COMPLETED");
            answer.put("sellTransferId", UUID.randomUUID().toString());
            answer.put("buyTransferId", UUID.randomUUID().toString());
            answer.put("failure", null);
        }
        byte[] bytes = JSON.writeValueAsString(answer).getBytes(StandardCharsets.UTF_8);
        outcomes.put(tradeId, new Outcome(instruction, bytes));
        postings.add(instruction);
        return bytes;
    }

    private static void failed(Map<String, Object> answer, String code, String message) {
        answer.put("status", "FAILED");
        answer.put("sellTransferId", null);
        answer.put("buyTransferId", null);
        answer.put("failure", Map.of("code", code, "message", message));
    }

    /** What payments refuses with 400 (nothing stored), or null. */
    private static String problemWith(JsonNode instruction) {
        for (String id : List.of("tradeId", "quoteId", "userId")) {
            try {
                UUID.fromString(instruction.path(id).asString(""));
            } catch (IllegalArgumentException e) {
                return id + " is not a UUID";
            }
        }
        if (instruction.path("idempotencyKey").asString("").isBlank()) {
            return "idempotencyKey is missing";
        }
        for (String leg : List.of("sell", "buy", "fee")) {
            String currency = instruction.path(leg).path("currency").asString("");
            Integer scale = SCALES.get(currency);
            if (scale == null) {
                return leg + ".currency " + currency + " is not a currency";
            }
            BigDecimal amount;
            try {
                amount = new BigDecimal(instruction.path(leg).path("amount").asString(""));
            } catch (NumberFormatException e) {
                return leg + ".amount is not a decimal";
            }
            boolean positive = leg.equals("fee") ? amount.signum() >= 0 : amount.signum() > 0;
            if (!positive || amount.stripTrailingZeros().scale() > scale) {
                return leg + ".amount " + amount.toPlainString() + " is not a valid " + currency + " amount";
            }
        }
        if (!instruction.path("fee").path("currency").equals(instruction.path("sell").path("currency"))) {
            return "the fee is charged in the sold currency";
        }
        if (instruction.path("sell").path("currency").equals(instruction.path("buy").path("currency"))) {
            return "a trade converts between two currencies";
        }
        try {
            Instant.parse(instruction.path("expiresAt").asString(""));
            new BigDecimal(instruction.path("rate").asString(""));
        } catch (RuntimeException e) {
            return "expiresAt or rate is malformed";
        }
        return null;
    }

    private static byte[] error(String code, String message) {
        return JSON.writeValueAsString(Map.of("code", code, "message", message)).getBytes(StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
