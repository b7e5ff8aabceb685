package com.ventusvault.payments.graphql;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stands in for accounts' {@code POST /internal/users/lookup} (a boundary payments does not own): {@code {"email"}}
 * in, 200 {@code {"id"}} or 404 out. Records the Authorization header of every call.
 */
final class AccountsLookupStub implements AutoCloseable {

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
                UUID id = matcher.find() && "POST".equals(exchange.getRequestMethod())
                        ? stub.users.get(matcher.group(1).toLowerCase(Locale.ROOT)) : null;
                byte[] response = (id == null ? "{\"error\":\"not found\"}" : "{\"id\":\"" + id + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(id == null ? 404 : 200, response.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response);
                }
            });
            server.start();
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
