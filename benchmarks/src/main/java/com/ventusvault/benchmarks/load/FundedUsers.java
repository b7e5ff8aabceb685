package com.ventusvault.benchmarks.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The load's users, made through the gateway as a client app would: register (or log in when the email exists, so
 * a re-run against the same stack reuses them), open a USD wallet and fund it from the demo bank once per user
 * (the deposit's idempotency key is per email). Registration hashes a password, so users are made 4 at a time.
 */
public final class FundedUsers {

    /** A user of the load: a token and the USD wallet it sends from and receives into. */
    public record LoadUser(String email, String token, String wallet) {
    }

    private static final String PASSWORD = "p2p-bench-password";
    private static final String REGISTER = """
            mutation($input: RegisterInput!) { register(input: $input) { session { accessToken } userErrors { code } } }""";
    private static final String LOGIN = """
            mutation($input: LoginInput!) { login(input: $input) { session { accessToken } userErrors { code } } }""";
    private static final String OPEN_WALLET = """
            mutation($currency: String!) { openWallet(currency: $currency) { wallet { id } userErrors { code } } }""";
    private static final String DEPOSIT = """
            mutation($input: DepositInput!) { deposit(input: $input) { transfer { id } userErrors { code message } } }""";

    private FundedUsers() {
    }

    /** {@code count} users named {@code <prefix><i>@example.com}, each with a USD wallet funded with {@code funding}. */
    public static List<LoadUser> create(GraphQlHttp gateway, String prefix, int count, String funding) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<LoadUser>> made = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String email = prefix + i + "@example.com";
                made.add(pool.submit(() -> user(gateway, email, funding)));
            }
            List<LoadUser> users = new ArrayList<>();
            for (Future<LoadUser> user : made) {
                users.add(user.get());
            }
            return users;
        } finally {
            pool.shutdownNow();
        }
    }

    private static LoadUser user(GraphQlHttp gateway, String email, String funding) {
        GraphQlHttp.Answer registered = gateway.execute(REGISTER, Map.of("input", Map.of("email", email,
                "password", PASSWORD, "displayName", "Bench " + email.substring(0, email.indexOf('@')))), null).orThrow();
        String token = registered.data("register.session.accessToken").isString()
                ? registered.data("register.session.accessToken").asString()
                : gateway.execute(LOGIN, Map.of("input", Map.of("email", email, "password", PASSWORD)), null).orThrow()
                        .data("login.session.accessToken").asString();
        String wallet = gateway.execute(OPEN_WALLET, Map.of("currency", "USD"), token).orThrow()
                .data("openWallet.wallet.id").asString();
        GraphQlHttp.Answer deposit = gateway.execute(DEPOSIT, Map.of("input", Map.of("walletId", wallet,
                "amount", funding, "idempotencyKey", "bench-fund-" + email)), token).orThrow();
        if (!deposit.data("deposit.userErrors").isEmpty()) {
            throw new IllegalStateException("Funding " + email + " failed: " + deposit.body());
        }
        return new LoadUser(email, token, wallet);
    }
}
