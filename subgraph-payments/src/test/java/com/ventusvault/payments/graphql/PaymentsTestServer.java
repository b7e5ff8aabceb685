package com.ventusvault.payments.graphql;

import com.ventusvault.platform.testing.TestTokens;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What the payments integration tests share: one token issuer and one accounts stub per JVM (so every test class
 * gets the same properties and Spring reuses one application context), clients for users, and ledger queries.
 */
final class PaymentsTestServer {

    static final TestTokens TOKENS = TestTokens.start();
    static final AccountsLookupStub ACCOUNTS = AccountsLookupStub.start();

    private PaymentsTestServer() {
    }

    static void properties(DynamicPropertyRegistry registry) {
        registry.add("ventus.auth.jwks-uri", TOKENS::jwksUri);
        registry.add("ventus.payments.accounts-url", ACCOUNTS::url);
    }

    /** The same two properties as {@link #properties}, as one initializer every {@link PaymentsIntegrationTest} shares. */
    static final class Properties implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of("ventus.auth.jwks-uri=" + TOKENS.jwksUri(),
                    "ventus.payments.accounts-url=" + ACCOUNTS.url()).applyTo(context);
        }
    }

    /** The input of sendMoney / createEscrow (a null recipient field is sent as an explicit null). */
    static Map<String, Object> moneyInput(String from, String toWallet, String toEmail, String amount, String key) {
        Map<String, Object> input = new HashMap<>();
        input.put("fromWalletId", from);
        input.put("toWalletId", toWallet);
        input.put("toEmail", toEmail);
        input.put("amount", amount);
        input.put("idempotencyKey", key);
        return input;
    }

    static HttpGraphQlTester anonymous(int port) {
        return HttpGraphQlTester.create(WebTestClient.bindToServer().baseUrl("http://localhost:" + port + "/graphql")
                .responseTimeout(java.time.Duration.ofSeconds(30)).build());
    }

    /** A client signed in as a fresh user, whose email the accounts stub knows. */
    static User newUser(int port) {
        return newUser(port, java.time.Duration.ofMinutes(15));
    }

    /** A fresh user whose token lives {@code lifetime} (for tests that move the server clock forward). */
    static User newUser(int port, java.time.Duration lifetime) {
        UUID id = UUID.randomUUID();
        String email = "user-" + id + "@example.com";
        ACCOUNTS.register(email, id);
        String token = TOKENS.token(id, email, TestTokens.ISSUER, TestTokens.AUDIENCE,
                java.time.Instant.now().plus(lifetime));
        return new User(id, email, token, anonymous(port).mutate().header("Authorization", "Bearer " + token).build());
    }

    record User(UUID id, String email, String token, HttpGraphQlTester api) {

        String openWallet(String currency) {
            return api.documentName("openWallet").variable("currency", currency).execute()
                    .path("openWallet.wallet.id").entity(String.class).get();
        }

        void deposit(String walletId, String amount) {
            api.documentName("deposit").variable("input", Map.of("walletId", walletId, "amount", amount,
                    "idempotencyKey", UUID.randomUUID().toString())).execute()
                    .path("deposit.userErrors").entityList(Object.class).hasSize(0);
        }

        GraphQlTester.Response sendMoney(Map<String, Object> input) {
            return api.documentName("sendMoney").variable("input", input).execute();
        }

        /** Sends {@code amount} wallet to wallet under a fresh key, expecting success; the transfer's id. */
        String pay(String fromWallet, String toWallet, String amount) {
            return api.documentName("sendMoney").variable("input", Map.of("fromWalletId", fromWallet,
                            "toWalletId", toWallet, "amount", amount, "idempotencyKey", UUID.randomUUID().toString()))
                    .execute().errors().verify().path("sendMoney.transfer.id").entity(String.class).get();
        }

        /** Creates an escrow to a wallet, expecting success; the escrow's id. */
        String createEscrow(String from, String toWallet, String amount, String key) {
            return api.documentName("createEscrow").variable("input", moneyInput(from, toWallet, null, amount, key))
                    .execute().errors().verify()
                    .path("createEscrow.userErrors").entityList(Object.class).hasSize(0)
                    .path("createEscrow.escrow.id").entity(String.class).get();
        }
    }

    static BigDecimal balance(DatabaseClient database, String accountId) {
        return database.sql("select balance from ledger_account where id = :id").bind("id", UUID.fromString(accountId))
                .map(row -> row.get(0, BigDecimal.class)).one().block();
    }

    static long transfersInitiatedBy(DatabaseClient database, UUID user) {
        return database.sql("select count(*) from transfer where initiator_id = :user").bind("user", user)
                .map(row -> row.get(0, Long.class)).one().block();
    }

    static long walletsOf(DatabaseClient database, UUID owner) {
        return database.sql("select count(*) from ledger_account where owner_id = :owner").bind("owner", owner)
                .map(row -> row.get(0, Long.class)).one().block();
    }

    static long journalEntriesOf(DatabaseClient database, String accountId) {
        return database.sql("select count(*) from journal_entry where account_id = :id").bind("id", UUID.fromString(accountId))
                .map(row -> row.get(0, Long.class)).one().block();
    }

    /** The balance of a kind of system account in a currency, summed over its shards (fee revenue has several). */
    static BigDecimal systemBalance(DatabaseClient database, String kind, String currency) {
        return database.sql("select sum(balance) from ledger_account where kind = :kind and currency = :currency "
                        + "and owner_id is null and provider is null")
                .bind("kind", kind).bind("currency", currency).map(row -> row.get(0, BigDecimal.class)).one().block();
    }
}
