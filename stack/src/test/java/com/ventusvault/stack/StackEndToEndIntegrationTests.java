package com.ventusvault.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.ventusvault.stack.GraphQlClient.Response;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The whole platform on real ports, driven through the gateway only, with the operation documents the client apps
 * send ({@code clients/operations}): the walking skeleton's end-to-end promise (issue 2).
 */
@ExtendWith(RunningStack.class)
class StackEndToEndIntegrationTests {

    private static ClientOperations client;

    @BeforeAll
    static void connect(Stack stack) {
        client = new ClientOperations(stack);
    }

    @Test
    void newUserRegistersFundsAWalletAndSendsMoneyExactlyOnce() {
        String email = "carol-" + UUID.randomUUID() + "@example.com";
        Response registered = call("Register", Map.of("input", Map.of(
                "email", email, "password", "correct horse battery", "displayName", "Carol Chukwu")), null);
        assertThat(registered.data("register.userErrors").isEmpty()).isTrue();

        String token = call("Login", Map.of("input", Map.of("email", email, "password", "correct horse battery")), null)
                .data("login.session.accessToken").asString();
        assertThat(call("MyWallets", Map.of(), token).data("me.wallets").isEmpty()).isTrue();

        String walletId = call("OpenWallet", Map.of("currency", "USD"), token).data("openWallet.wallet.id").asString();
        Response deposit = call("Deposit", Map.of("input", Map.of(
                "walletId", walletId, "amount", "200.00", "idempotencyKey", "fund-" + email)), token);
        assertThat(deposit.data("deposit.transfer.status").asString()).isEqualTo("COMPLETED");

        String alice = client.login("alice@example.com");
        BigDecimal carolBefore = usdBalance(token);
        BigDecimal aliceBefore = usdBalance(alice);
        assertThat(carolBefore).isEqualByComparingTo("200.00");

        Map<String, Object> send = new LinkedHashMap<>();
        send.put("fromWalletId", walletId);
        send.put("toEmail", "alice@example.com");
        send.put("amount", "25.00");
        send.put("idempotencyKey", "lunch-" + email);
        send.put("note", "lunch");
        Response sent = call("SendMoney", Map.of("input", send), token);
        assertThat(sent.data("sendMoney.userErrors").isEmpty()).as(sent.body().toString()).isTrue();
        JsonNode transfer = sent.data("sendMoney.transfer");
        BigDecimal fee = new BigDecimal(transfer.path("fee").path("amount").asString());
        assertThat(transfer.path("amount").path("amount").asString()).isEqualTo("25.00");
        assertThat(transfer.path("to").path("owner").path("displayName").asString()).isEqualTo("Alice Adeyemi");
        assertThat(transfer.path("from").path("owner").path("displayName").asString()).isEqualTo("Carol Chukwu");

        BigDecimal carolAfter = usdBalance(token);
        BigDecimal aliceAfter = usdBalance(alice);
        assertThat(carolAfter).isEqualByComparingTo(carolBefore.subtract(new BigDecimal("25.00")).subtract(fee));
        assertThat(aliceAfter).isEqualByComparingTo(aliceBefore.add(new BigDecimal("25.00")));
        assertThat(carolBefore.add(aliceBefore).subtract(carolAfter.add(aliceAfter))).isEqualByComparingTo(fee);

        Response replay = call("SendMoney", Map.of("input", send), token);
        assertThat(replay.data("sendMoney.transfer.id").asString()).isEqualTo(transfer.path("id").asString());
        assertThat(usdBalance(token)).isEqualByComparingTo(carolAfter);
        assertThat(usdBalance(alice)).isEqualByComparingTo(aliceAfter);
    }

    @Test
    void oneQuerySpansAllFourSubgraphs() {
        Response dashboard = call("Dashboard", Map.of(), client.login("bob@example.com")).orThrow();

        assertThat(dashboard.data("me.displayName").asString()).isEqualTo("Bob Okafor");
        assertThat(dashboard.data("me.wallets")).hasSize(2);
        for (JsonNode wallet : dashboard.data("me.wallets")) {
            assertThat(wallet.path("owner").path("displayName").asString()).isEqualTo("Bob Okafor");
        }
        assertThat(dashboard.data("me.insights.fundedWallets").asInt()).isEqualTo(2);
        assertThat(dashboard.data("me.insights.summary").asString()).isNotBlank();
        assertThat(new BigDecimal(dashboard.data("btc.price").asString())).isPositive();
        assertThat(dashboard.data("ngn.pair").asString()).isEqualTo("USD/NGN");
        // Keys come back in the order the client asked for them.
        assertThat(dashboard.body().path("data").propertyNames()).containsExactly("me", "btc", "ngn");
    }

    @Test
    void demoUsersHoldTheFundsTheContractPromises() {
        JsonNode wallets = call("MyWallets", Map.of(), client.login("bob@example.com")).orThrow().data("me.wallets");
        Map<String, BigDecimal> balances = new LinkedHashMap<>();
        wallets.forEach(w -> balances.put(w.path("currency").asString(),
                new BigDecimal(w.path("balance").path("amount").asString())));
        assertThat(balances.get("USD")).isEqualByComparingTo("1000.00");
        assertThat(balances.get("NGN")).isEqualByComparingTo("500000.00");
    }

    @Test
    void demoAdminFromTheAccountsBootstrapSignsInAsStaff() {
        Response login = client.gateway().execute("""
                mutation { login(input: {email: "admin@example.com", password: "ventus-demo"}) {
                  session { accessToken user { email roles } } userErrors { code } } }""", Map.of(), null).orThrow();

        assertThat(login.data("login.userErrors").isEmpty()).isTrue();
        assertThat(login.data("login.session.user.roles").toString()).isEqualTo("[\"CUSTOMER\",\"ADMIN\"]");
    }

    private static Response call(String operation, Map<String, ?> variables, String token) {
        return client.call(operation, variables, token);
    }

    private static BigDecimal usdBalance(String token) {
        return client.usdWallet(token).balance();
    }
}
