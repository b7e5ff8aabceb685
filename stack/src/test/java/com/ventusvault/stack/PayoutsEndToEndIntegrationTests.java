package com.ventusvault.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.ventusvault.stack.GraphQlClient.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A payout and a provider deposit through the gateway on the running stack: payments talks to the provider simulator
 * the stack started, and the simulator's signed webhooks reach payments' /webhooks endpoints (the stack wiring).
 */
@ExtendWith(RunningStack.class)
class PayoutsEndToEndIntegrationTests {

    private static final String REQUEST_PAYOUT = """
            mutation RequestPayout($input: PayoutInput!) {
              requestPayout(input: $input) {
                transfer { id status fee { amount } payout { provider accountNumberLast4 accountName } }
                userErrors { code message }
              }
            }""";
    private static final String DEPOSIT = """
            mutation Deposit($input: DepositInput!) {
              deposit(input: $input) {
                transfer { id status deposit { provider checkoutUrl } }
                userErrors { code message }
              }
            }""";
    private static final String TRANSFER = """
            query Transfer($id: ID!) { transfer(id: $id) { status history { status } } }""";
    private static final String NGN_WALLET = """
            query { me { wallet(currency: "NGN") { id balance { amount } held { amount } } } }""";

    @Test
    void aPayoutAndAProviderDepositCompleteThroughTheSimulatorsWebhooks(Stack stack) {
        GraphQlClient client = new GraphQlClient(stack.gatewayUrl());
        String token = new ClientOperations(stack).login("alice@example.com");
        String wallet = client.execute(NGN_WALLET, Map.of(), token).orThrow().data("me.wallet.id").asString();

        Response payout = client.execute(REQUEST_PAYOUT, Map.of("input", Map.of("walletId", wallet, "amount", "1000.00",
                "bankCode", "058", "accountNumber", "0123456780", "provider", "PAYSTACK", "narration", "e2e",
                "idempotencyKey", "e2e-payout-" + UUID.randomUUID())), token).orThrow();
        assertThat(payout.data("requestPayout.userErrors").isEmpty()).as(payout.body().toString()).isTrue();
        assertThat(payout.data("requestPayout.transfer.fee.amount").asString()).isEqualTo("12.50");
        assertThat(payout.data("requestPayout.transfer.payout.accountNumberLast4").asString()).isEqualTo("6780");
        String payoutId = payout.data("requestPayout.transfer.id").asString();

        Response deposit = client.execute(DEPOSIT, Map.of("input", Map.of("walletId", wallet, "amount", "2500.00",
                "provider", "FLUTTERWAVE", "idempotencyKey", "e2e-deposit-" + UUID.randomUUID())), token).orThrow();
        assertThat(deposit.data("deposit.userErrors").isEmpty()).as(deposit.body().toString()).isTrue();
        assertThat(deposit.data("deposit.transfer.status").asString()).isEqualTo("PROVIDER_PROCESSING");
        String depositId = deposit.data("deposit.transfer.id").asString();

        assertThat(awaitStatus(client, token, payoutId, "COMPLETED")).isEqualTo("COMPLETED");
        assertThat(awaitStatus(client, token, depositId, "COMPLETED")).isEqualTo("COMPLETED");
        assertThat(client.execute(TRANSFER, Map.of("id", payoutId), token).orThrow().data("transfer.history").size())
                .isEqualTo(6);
        assertThat(client.execute(NGN_WALLET, Map.of(), token).orThrow().data("me.wallet.held.amount").asString())
                .isEqualTo("0.00");
    }

    private static String awaitStatus(GraphQlClient client, String token, String id, String expected) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        String status;
        do {
            status = client.execute(TRANSFER, Map.of("id", id), token).orThrow().data("transfer.status").asString();
            if (expected.equals(status)) {
                return status;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return status;
            }
        } while (Instant.now().isBefore(deadline));
        return status;
    }
}
