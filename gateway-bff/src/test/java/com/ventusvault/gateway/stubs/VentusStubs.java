package com.ventusvault.gateway.stubs;

import graphql.schema.DataFetcher;

import com.ventusvault.platform.testing.TestTokens;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Our four subgraphs as stubs with a little fixed data: Ada (u1) with USD and BTC wallets, Bob (u2) with USD. A test
 * class holds one as {@code @RegisterExtension static final VentusStubs STUBS = new VentusStubs();}: closed after its
 * last test, and the class's gateway points at it ({@link VentusStubsRegistration} adds {@link #gatewayProperties()}).
 */
public final class VentusStubs implements AutoCloseable, AfterAllCallback {

    public final List<StubSubgraph.Received> log = StubSubgraph.newLog();
    public final StubSubgraph accounts;
    public final StubSubgraph payments;
    public final StubSubgraph markets;
    public final StubSubgraph ai;

    private static final Map<String, Map<String, Object>> USERS = Map.of(
            "u1", user("u1", "ada@vv.io", "Ada"),
            "u2", user("u2", "bob@vv.io", "Bob"));
    private static final List<Map<String, Object>> WALLETS = List.of(
            wallet("w1", "u1", "USD", "10.00"), wallet("w2", "u1", "BTC", "0.00000000"),
            wallet("w3", "u2", "USD", "5.00"));

    /** Signs the stubs' access tokens and serves their JWKS: point {@code ventus.auth.jwks-uri} at {@link #jwksUri()}. */
    private final TestTokens tokens = TestTokens.start();
    private final Map<String, String> bearers = new ConcurrentHashMap<>();

    public VentusStubs() {
        accounts = StubSubgraph.start("accounts", w -> w
                .type("Query", t -> t.dataFetcher("me", env -> viewer(env.getGraphQlContext().get("authorization"))))
                .type("Mutation", t -> t
                        .dataFetcher("login", env -> Map.of("session", Map.of("accessToken", "token-ada",
                                "expiresAt", "2026-12-01T00:00:00Z", "user", USERS.get("u1")), "userErrors", List.of()))
                        .dataFetcher("register", env -> Map.of("userErrors", List.of(Map.of("code", "EMAIL_TAKEN",
                                "message", "That email is registered", "field", List.of("input", "email")))))),
                Map.of("User", rep -> USERS.get((String) rep.get("id"))), log);
        payments = StubSubgraph.start("payments", w -> w
                .type("User", t -> t
                        .dataFetcher("wallets", env -> walletsOf(id(env.getSource())))
                        .dataFetcher("wallet", env -> walletsOf(id(env.getSource())).stream()
                                .filter(x -> x.get("currency").equals(env.getArgument("currency"))).findFirst()
                                .orElse(null)))
                .type("Query", t -> t.dataFetcher("transfer", env -> Map.of("id", env.getArgument("id"),
                        "kind", "P2P", "status", "COMPLETED", "amount", money("1.00", "USD"),
                        "fee", money("0.00", "USD"), "from", WALLETS.get(0), "to", WALLETS.get(2),
                        "createdAt", "2026-11-22T10:00:00Z")))
                .type("Query", t -> t.dataFetcher("verifyLedger", env -> Map.of("clean", true,
                        "checkedAt", "2026-11-22T10:00:00Z", "accounts", 3, "journalEntries", 0,
                        "differences", List.of(), "unbalancedTransfers", List.of(), "totals", List.of())))
                .type("Mutation", t -> t.dataFetcher("openWallet", env -> Map.of("wallet",
                        wallet("w9", "u1", env.getArgument("currency"), "0.00"), "userErrors", List.of())))
                .type("Subscription", t -> t
                        .dataFetcher("balanceUpdated", env -> balanceUpdates(env.getArgument("walletId"),
                                env.getGraphQlContext().get("authorization")))
                        .dataFetcher("transferUpdated", env -> transferUpdates(env.getArgument("id")))),
                Map.of("User", rep -> Map.of("__typename", "User", "id", rep.get("id")),
                        "Wallet", rep -> WALLETS.stream().filter(x -> x.get("id").equals(rep.get("id"))).findFirst()
                                .orElse(null)), log);
        markets = StubSubgraph.start("markets", w -> w
                .type("Query", t -> t
                        .dataFetcher("rate", env -> rate((String) env.getArgument("pair")))
                        .dataFetcher("rates", env -> List.of(rate("BTC/USDT"), rate("USD/NGN"))))
                .type("Subscription", t -> t.dataFetcher("rateUpdated", env -> rateUpdates(env.getArgument("pairs")))),
                Map.of("Rate", rep -> rate((String) rep.get("pair"))), log);
        ai = StubSubgraph.start("ai", w -> w.type("User", t -> t.dataFetcher("insights", insights())),
                Map.of("User", rep -> rep), log);
    }

    public String jwksUri() {
        return tokens.jwksUri();
    }

    public TestTokens tokens() {
        return tokens;
    }

    /** {@code Authorization} for a customer: "ada" (u1) and "bob" (u2) are known to the accounts stub. */
    public String bearer(String name) {
        return bearers.computeIfAbsent(name, n -> "Bearer " + tokens.tokenFor(userId(n), n + "@vv.io"));
    }

    /** {@code Authorization} for {@code name} with a token granting {@code scope}. */
    public String bearer(String name, String scope) {
        return bearers.computeIfAbsent(name + "|" + scope,
                n -> "Bearer " + tokens.tokenWithScope(userId(name), name + "@vv.io", scope));
    }

    private static UUID userId(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    /** What points the gateway at these stubs: their JWKS and every subgraph's URL. */
    public Map<String, Object> gatewayProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("ventus.auth.jwks-uri", jwksUri());
        urls().forEach((name, url) -> properties.put("gateway.subgraphs." + name + ".url", url));
        return properties;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    public Map<String, String> urls() {
        return Map.of("accounts", accounts.url(), "payments", payments.url(), "markets", markets.url(),
                "ai", ai.url());
    }

    public List<StubSubgraph.Received> requestsTo(String subgraph) {
        synchronized (log) {
            return log.stream().filter(r -> r.subgraph().equals(subgraph)).toList();
        }
    }

    /**
     * {@code balanceUpdated(walletId)} as payments serves it: only the wallet's owner may subscribe (FORBIDDEN for
     * another user, UNAUTHENTICATED without a token, NOT_FOUND for an unknown wallet); then every update of that wallet
     * the test publishes ({@link #balanceUpdate}).
     */
    private Object balanceUpdates(String walletId, String authorization) {
        Map<String, Object> wallet = WALLETS.stream().filter(w -> w.get("id").equals(walletId)).findFirst()
                .orElseThrow(() -> new StubError("No wallet " + walletId, "NOT_FOUND"));
        Object viewer = viewer(authorization);
        if (viewer == null) {
            throw new StubError("Sign in to follow a wallet", "UNAUTHENTICATED");
        }
        if (!((Map<?, ?>) wallet.get("owner")).get("id").equals(((Map<?, ?>) viewer).get("id"))) {
            throw new StubError("Wallet " + walletId + " is not yours", "FORBIDDEN");
        }
        return this.payments.events("balanceUpdated")
                .filter(event -> walletId.equals(((Map<?, ?>) ((Map<?, ?>) event).get("wallet")).get("id")));
    }

    /** {@code transferUpdated(id)}: every transfer with that id the test publishes (as a map with {@code id}). */
    private Object transferUpdates(String id) {
        return payments.events("transferUpdated").filter(event -> id.equals(((Map<?, ?>) event).get("id")));
    }

    /** {@code rateUpdated(pairs)}: anyone may follow rates; every tick of those pairs the test publishes. */
    private Object rateUpdates(List<String> pairs) {
        return markets.events("rateUpdated").filter(event -> pairs.contains(((Map<?, ?>) event).get("pair")));
    }

    /** A {@code BalanceUpdate} of wallet {@code walletId} (one of the stubs' wallets) with a new balance. */
    public static Map<String, Object> balanceUpdate(String walletId, String balance, int version) {
        Map<String, Object> wallet = WALLETS.stream().filter(w -> w.get("id").equals(walletId)).findFirst()
                .orElseThrow();
        String currency = (String) wallet.get("currency");
        Map<String, Object> update = new HashMap<>();
        update.put("wallet", wallet);
        update.put("balance", money(balance, currency));
        update.put("available", money(balance, currency));
        update.put("held", money("0.00", currency));
        update.put("transfer", null);
        update.put("at", "2026-11-22T12:00:00Z");
        update.put("version", version);
        return update;
    }

    /** A new rate of {@code pair}, for {@code rateUpdated}. */
    public static Map<String, Object> rateTick(String pair, String price) {
        Map<String, Object> rate = new HashMap<>(rate(pair));
        rate.put("price", price);
        return rate;
    }

    /** Insights computed from the wallets in the representation; fails for Bob to exercise error paths. */
    @SuppressWarnings("unchecked")
    private static DataFetcher<Object> insights() {
        return env -> {
            Map<String, Object> user = env.getSource();
            if ("u2".equals(user.get("id"))) {
                throw new IllegalStateException("Insights are not ready for this user");
            }
            List<Map<String, Object>> wallets = (List<Map<String, Object>>) user.get("wallets");
            long funded = wallets.stream().filter(x -> new BigDecimal((String) ((Map<String, Object>) x.get("balance"))
                    .get("amount")).signum() > 0).count();
            return Map.of("fundedWallets", funded, "balanceChanges", List.of(),
                    "summary", wallets.size() + " wallets, " + funded + " funded", "computedAt", "2026-11-22T10:00:00Z");
        };
    }

    /** The user whose email the token names (the stub trusts the gateway's check; real subgraphs verify again). */
    private static Object viewer(String authorization) {
        String[] parts = authorization == null || !authorization.startsWith("Bearer ") ? new String[0]
                : authorization.substring("Bearer ".length()).split("\\.");
        if (parts.length != 3) {
            return null;
        }
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        return claims.contains("\"ada@vv.io\"") ? USERS.get("u1") : claims.contains("\"bob@vv.io\"") ? USERS.get("u2") : null;
    }

    private static String id(Object source) {
        return (String) ((Map<?, ?>) source).get("id");
    }

    private static List<Map<String, Object>> walletsOf(String userId) {
        return WALLETS.stream().filter(x -> ((Map<?, ?>) x.get("owner")).get("id").equals(userId)).toList();
    }

    private static Map<String, Object> user(String id, String email, String name) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("__typename", "User");
        user.put("id", id);
        user.put("email", email);
        user.put("displayName", name);
        user.put("roles", List.of("CUSTOMER"));
        user.put("kycStatus", "VERIFIED");
        user.put("createdAt", "2026-01-01T00:00:00Z");
        return user;
    }

    private static Map<String, Object> wallet(String id, String owner, String currency, String amount) {
        Map<String, Object> wallet = new HashMap<>();
        wallet.put("__typename", "Wallet");
        wallet.put("id", id);
        wallet.put("owner", Map.of("__typename", "User", "id", owner));
        wallet.put("currency", currency);
        wallet.put("balance", money(amount, currency));
        return wallet;
    }

    private static Map<String, Object> money(String amount, String currency) {
        return Map.of("amount", amount, "currency", currency);
    }

    private static Map<String, Object> rate(String pair) {
        return Map.of("__typename", "Rate", "pair", pair, "price", "1.5", "bid", "1.4", "ask", "1.6",
                "source", "sim", "asOf", "2026-11-22T10:00:00Z", "stale", false);
    }

    @Override
    public void close() {
        accounts.close();
        payments.close();
        markets.close();
        ai.close();
        tokens.close();
    }
}
