package com.ventusvault.stack;

import com.ventusvault.stack.GraphQlClient.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The client apps' operation documents ({@code clients/operations}) sent through the gateway, as the apps send them. */
final class ClientOperations {

    private final GraphQlClient gateway;

    ClientOperations(Stack stack) {
        this.gateway = new GraphQlClient(stack.gatewayUrl());
    }

    GraphQlClient gateway() {
        return gateway;
    }

    Response call(String operation, Map<String, ?> variables, String token) {
        return gateway.execute(document(operation), variables, token);
    }

    String login(String email) {
        return login(email, DemoData.PASSWORD);
    }

    String login(String email, String password) {
        return call("Login", Map.of("input", Map.of("email", email, "password", password)), null)
                .orThrow().data("login.session.accessToken").asString();
    }

    record Wallet(String id, BigDecimal balance) {
    }

    Wallet usdWallet(String token) {
        for (JsonNode wallet : call("MyWallets", Map.of(), token).orThrow().data("me.wallets")) {
            if (wallet.path("currency").asString().equals("USD")) {
                return new Wallet(wallet.path("id").asString(), new BigDecimal(wallet.path("balance").path("amount").asString()));
            }
        }
        throw new AssertionError("the user has no USD wallet");
    }

    static String document(String operation) {
        Path file = Path.of("..", "clients", "operations", operation + ".graphql");
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Missing client operation " + file.toAbsolutePath(), e);
        }
    }
}
