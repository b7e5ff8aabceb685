package com.ventusvault.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.ventusvault.stack.GraphQlClient.Response;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Bad input through the gateway: every mistake a client developer can make gets an error with {@code extensions.code}
 * and a message that says what to fix, and nothing is written (issue 2, point 9).
 */
@ExtendWith(RunningStack.class)
class BadInputIntegrationTests {

    private static ClientOperations client;
    private static GraphQlClient gateway;
    private static String bob;
    private static String bobUsdWallet;
    private static String aliceUsdWallet;

    @BeforeAll
    static void signIn(Stack stack) {
        client = new ClientOperations(stack);
        gateway = client.gateway();
        bob = client.login("bob@example.com");
        bobUsdWallet = client.usdWallet(bob).id();
        aliceUsdWallet = client.usdWallet(client.login("alice@example.com")).id();
    }

    @Test
    void malformedJsonIsABadRequest() {
        Response response = gateway.post("{\"query\": \"{ me { id } }\"", null);

        assertThat(response.status()).isEqualTo(400);
        assertThat(code(response)).isEqualTo("BAD_REQUEST");
        assertThat(message(response)).containsIgnoringCase("json");
    }

    @Test
    void unknownFieldFailsValidationNamingTheField() {
        Response response = gateway.execute("{ me { id favouriteColour } }", Map.of(), bob);

        assertThat(code(response)).isEqualTo("GRAPHQL_VALIDATION_FAILED");
        assertThat(message(response)).contains("favouriteColour");
        assertThat(response.body().path("data").isMissingNode() || response.body().path("data").isNull()).isTrue();
    }

    @Test
    void missingTokenOnAnAuthenticatedFieldIsUnauthenticated() {
        Response response = gateway.execute("{ me { id wallets { id } } }", Map.of(), null);

        assertThat(code(response)).isEqualTo("UNAUTHENTICATED");
        assertThat(message(response)).contains("Authorization");
    }

    @Test
    void negativeZeroAndOverPreciseAmountsAreRefusedAndMoveNothing() {
        BigDecimal bobBefore = client.usdWallet(bob).balance();

        for (String amount : new String[] {"-5.00", "0", "0.00", "10.001"}) {
            Response response = send(amount, "bad-" + amount);
            assertThat(code(response)).as("amount %s", amount).isEqualTo("BAD_REQUEST");
            assertThat(message(response)).as("amount %s", amount).isNotBlank();
            assertThat(response.errors().get(0).path("extensions").path("field").toString()).contains("amount");
        }

        assertThat(client.usdWallet(bob).balance()).isEqualByComparingTo(bobBefore);
    }

    @Test
    void notANumberIsRefused() {
        Response response = send("ten dollars", "bad-text");

        assertThat(code(response)).isEqualTo("BAD_REQUEST");
        assertThat(message(response)).contains("ten dollars");
    }

    @Test
    void aFloatAmountIsRefusedBecauseItMayAlreadyHaveLostDigits() {
        Response response = gateway.execute("""
                mutation { sendMoney(input: {fromWalletId: "%s", toWalletId: "%s", amount: 12.5, idempotencyKey: "float"}) {
                  transfer { id } } }""".formatted(bobUsdWallet, aliceUsdWallet), Map.of(), bob);

        assertThat(code(response)).isEqualTo("BAD_REQUEST");
        assertThat(message(response)).contains("string");
    }

    @Test
    void unknownCurrencyIsRefusedNamingTheSupportedOnes() {
        Response response = client.call("OpenWallet", Map.of("currency", "XYZ"), bob);

        assertThat(code(response)).isEqualTo("BAD_REQUEST");
        assertThat(message(response)).contains("XYZ").contains("USD");
        JsonNode wallets = client.call("MyWallets", Map.of(), bob).orThrow().data("me.wallets");
        wallets.forEach(w -> assertThat(w.path("currency").asString()).isNotEqualTo("XYZ"));
    }

    private static Response send(String amount, String key) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("fromWalletId", bobUsdWallet);
        input.put("toWalletId", aliceUsdWallet);
        input.put("amount", amount);
        input.put("idempotencyKey", key);
        return client.call("SendMoney", Map.of("input", input), bob);
    }

    private static String code(Response response) {
        assertThat(response.errors().isEmpty()).as("expected errors in %s", response.body()).isFalse();
        return response.errors().get(0).path("extensions").path("code").asString();
    }

    private static String message(Response response) {
        return response.errors().get(0).path("message").asString();
    }
}
