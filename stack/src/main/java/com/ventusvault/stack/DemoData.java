package com.ventusvault.stack;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Seeds the demo users of the public API contract through the gateway, the same way a client app would: register (or
 * log in when the user exists, e.g. on an external database), open USD and NGN wallets, and fund them from the demo
 * bank. Idempotency keys make a re-run fund nothing twice.
 */
final class DemoData {

    static final String PASSWORD = "ventus-demo";
    /** The demo staff user: accounts creates it at start-up (bootstrap admin) with roles CUSTOMER and ADMIN. */
    static final String ADMIN_EMAIL = "admin@example.com";

    private static final List<DemoUser> USERS = List.of(
            new DemoUser("alice@example.com", "Alice Adeyemi"),
            new DemoUser("bob@example.com", "Bob Okafor"));
    private static final Map<String, String> FUNDING = Map.of("USD", "1000.00", "NGN", "500000.00");

    private static final String REGISTER = """
            mutation Register($input: RegisterInput!) {
              register(input: $input) { session { accessToken } userErrors { code message } }
            }""";
    private static final String LOGIN = """
            mutation Login($input: LoginInput!) {
              login(input: $input) { session { accessToken } userErrors { code message } }
            }""";
    private static final String OPEN_WALLET = """
            mutation OpenWallet($currency: String!) {
              openWallet(currency: $currency) { wallet { id } userErrors { code message } }
            }""";
    private static final String DEPOSIT = """
            mutation Deposit($input: DepositInput!) {
              deposit(input: $input) { transfer { id } userErrors { code message } }
            }""";

    private final GraphQlClient client;

    DemoData(String gatewayUrl) {
        this.client = new GraphQlClient(gatewayUrl);
    }

    record Seeded(List<String> emails, Duration took) {
    }

    record DemoUser(String email, String displayName) {
    }

    /**
     * The demo users' emails. The stack passes them to accounts as {@code ventus.accounts.identity.pre-verified-emails}:
     * they are verified at registration, as if their owners had followed the mailed link.
     */
    static List<String> emails() {
        return USERS.stream().map(DemoUser::email).toList();
    }

    Seeded seed() {
        long started = System.nanoTime();
        for (DemoUser user : USERS) {
            String token = signIn(user);
            for (Map.Entry<String, String> funding : FUNDING.entrySet()) {
                String walletId = client.execute(OPEN_WALLET, Map.of("currency", funding.getKey()), token).orThrow()
                        .data("openWallet.wallet.id").asString();
                var deposited = client.execute(DEPOSIT, Map.of("input", Map.of("walletId", walletId,
                        "amount", funding.getValue(),
                        "idempotencyKey", "demo-seed-" + user.email() + "-" + funding.getKey())), token).orThrow();
                requireNoUserErrors(deposited.data("deposit.userErrors"), "deposit for " + user.email());
            }
        }
        return new Seeded(emails(), Duration.ofNanos(System.nanoTime() - started));
    }

    private String signIn(DemoUser user) {
        var registered = client.execute(REGISTER, Map.of("input", Map.of("email", user.email(), "password", PASSWORD,
                "displayName", user.displayName())), null).orThrow();
        if (registered.data("register.session.accessToken").isString()) {
            return registered.data("register.session.accessToken").asString();
        }
        var loggedIn = client.execute(LOGIN, Map.of("input", Map.of("email", user.email(), "password", PASSWORD)), null)
                .orThrow();
        requireNoUserErrors(loggedIn.data("login.userErrors"), "login of " + user.email());
        return loggedIn.data("login.session.accessToken").asString();
    }

    private static void requireNoUserErrors(tools.jackson.databind.JsonNode userErrors, String what) {
        if (!userErrors.isEmpty()) {
            throw new IllegalStateException("Demo data: " + what + " failed: " + userErrors);
        }
    }
}
