package com.ventusvault.payments.graphql;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stands in for accounts' {@code POST /internal/users/lookup} (a boundary payments does not own): {@code {"email"}}
 * in, 200 {@code {"id"}} or 404 out; {@link #answering(int)} and {@link #SLOW} are emails it answers with a given
 * status or too late. Records the Authorization header of every call.
 */
final class AccountsLookupStub implements AutoCloseable {

    /** An email the stub answers only after 6 seconds, longer than payments' 3s accounts-timeout. */
    static final String SLOW = "slow@accounts-stub.test";

    private static final Pattern STATUS = Pattern.compile("status-(\\d{3})@accounts-stub\\.test");

    private static final Pattern EMAIL = Pattern.compile("\"email\"\\s*:\\s*\"([^\"]*)\"");

    private final HttpServer server;
    private final Map<String, UUID> users = new ConcurrentHashMap<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();

    private AccountsLookupStub(HttpServer server) {
        this.server = server;
    }

    static AccountsLookupStub start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            AccountsLookupStub stub = new AccountsLookupStub(server);
            server.createContext("/internal/users/lookup", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                stub.authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
                Matcher matcher = EMAIL.matcher(body);
                String email = matcher.find() ? matcher.group(1).toLowerCase(Locale.ROOT) : "";
                Matcher status = STATUS.matcher(email);
                if (email.equals(SLOW)) {
                    sleep(Duration.ofSeconds(6));
                }
                UUID id = "POST".equals(exchange.getRequestMethod()) ? stub.users.get(email) : null;
                int code = status.matches() ? Integer.parseInt(status.group(1)) : id == null ? 404 : 200;
                byte[] response = (code == 200 ? "{\"id\":\"" + id + "\"}" : "{\"error\":\"status " + code + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(code, response.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response);
                }
            });
            // Concurrent lookups must not queue behind a slow one.
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An email the stub answers with this HTTP status. */
    static String answering(int status) {
        return "status-" + status + "@accounts-stub.test";
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void register(String email, UUID id) {
        users.put(email.toLowerCase(Locale.ROOT), id);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
