package com.ventusvault.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/** The simulator over real HTTP: each provider's API shapes, async completion with signed webhooks, and faults. */
class ProviderSimulatorIntegrationTests {

    private static final String PAYSTACK_KEY = "sk_test_ventus_simulator";
    private static final String FLW_KEY = "FLWSECK_TEST-ventus-simulator";
    private static final String FLW_HASH = "ventus-simulator-hash";
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    private static WebhookReceiver receiver;
    private static ConfigurableApplicationContext simulator;
    private static WebClient client;

    @BeforeAll
    static void start() throws Exception {
        receiver = new WebhookReceiver();
        simulator = ProviderSimulatorApplication.builder().run("--server.port=0", "--server.address=127.0.0.1",
                "--ventus.simulator.transfer-delay=150ms", "--ventus.simulator.charge-delay=150ms",
                "--ventus.simulator.paystack.webhook-url=" + receiver.url("/paystack"),
                "--ventus.simulator.flutterwave.webhook-url=" + receiver.url("/flutterwave"));
        String port = simulator.getEnvironment().getProperty("local.server.port");
        client = WebClient.create("http://127.0.0.1:" + port);
    }

    @AfterAll
    static void stop() {
        simulator.close();
        receiver.close();
    }

    @AfterEach
    void resetFaults() {
        client.delete().uri("/_simulator/faults").retrieve().toBodilessEntity().block();
    }

    private record Answer(int status, Map<String, Object> body) {
        @SuppressWarnings("unchecked")
        Map<String, Object> data() {
            return (Map<String, Object>) body.get("data");
        }
    }

    private static Answer call(String method, String uri, String key, Object body) {
        var spec = client.method(org.springframework.http.HttpMethod.valueOf(method)).uri(uri)
                .header("Authorization", "Bearer " + key);
        var request = body == null ? spec : spec.bodyValue(body);
        return request.exchangeToMono(r -> r.bodyToMono(JSON).defaultIfEmpty(Map.of())
                .map(b -> new Answer(r.statusCode().value(), b))).block();
    }

    private static String hmac(String algorithm, String key, byte[] body) throws Exception {
        Mac mac = Mac.getInstance(algorithm);
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
        return algorithm.equals("HmacSHA512") ? HexFormat.of().formatHex(mac.doFinal(body))
                : Base64.getEncoder().encodeToString(mac.doFinal(body));
    }

    private static String paystackRecipient(String bank, String account) {
        Answer recipient = call("POST", "/paystack/transferrecipient", PAYSTACK_KEY, Map.of("type", "nuban",
                "name", "Payee", "account_number", account, "bank_code", bank, "currency", "NGN"));
        assertThat(recipient.status()).isEqualTo(201);
        return (String) recipient.data().get("recipient_code");
    }

    @Test
    void paystackTransferIsQueuedThenSucceedsWithASignedWebhook() throws Exception {
        Answer resolved = call("GET", "/paystack/bank/resolve?account_number=0123456781&bank_code=058", PAYSTACK_KEY, null);
        assertThat(resolved.status()).isEqualTo(200);
        assertThat(resolved.body().get("status")).isEqualTo(true);
        String name = (String) resolved.data().get("account_name");
        assertThat(call("GET", "/paystack/bank/resolve?account_number=0123456781&bank_code=058", PAYSTACK_KEY, null)
                .data().get("account_name")).as("deterministic").isEqualTo(name);

        String recipient = paystackRecipient("058", "0123456781");
        Answer queued = call("POST", "/paystack/transfer", PAYSTACK_KEY, Map.of("source", "balance", "amount", 250050,
                "recipient", recipient, "reason", "payout", "reference", "ps-happy-1", "currency", "NGN"));
        assertThat(queued.status()).isEqualTo(200);
        assertThat(queued.body().get("message")).isEqualTo("Transfer has been queued");
        assertThat(queued.data()).containsEntry("status", "pending").containsEntry("amount", 250050)
                .containsEntry("reference", "ps-happy-1");

        WebhookReceiver.Received webhook = receiver.await("ps-happy-1");
        assertThat(webhook.text()).contains("\"event\":\"transfer.success\"");
        assertThat(webhook.headers().get("x-paystack-signature")).isEqualTo(hmac("HmacSHA512", PAYSTACK_KEY, webhook.body()));
        assertThat(call("GET", "/paystack/transfer/verify/ps-happy-1", PAYSTACK_KEY, null).data())
                .containsEntry("status", "success");
    }

    @Test
    void aReusedReferenceIsRefusedAndPaidOnlyOnce() {
        String recipient = paystackRecipient("044", "0123456782");
        Map<String, Object> transfer = Map.of("source", "balance", "amount", 1000, "recipient", recipient,
                "reference", "dup-1");
        assertThat(call("POST", "/paystack/transfer", PAYSTACK_KEY, transfer).status()).isEqualTo(200);
        Answer again = call("POST", "/paystack/transfer", PAYSTACK_KEY, transfer);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.body()).containsEntry("status", false).containsEntry("message", "Duplicate Transfer Reference");

        Map<String, Object> flw = Map.of("account_bank", "044", "account_number", "0123456782", "amount", 10.5,
                "currency", "NGN", "reference", "dup-1", "narration", "x");
        assertThat(call("POST", "/flutterwave/v3/transfers", FLW_KEY, flw).status()).isEqualTo(200);
        Answer flwAgain = call("POST", "/flutterwave/v3/transfers", FLW_KEY, flw);
        assertThat(flwAgain.status()).isEqualTo(400);
        assertThat(flwAgain.body()).containsEntry("status", "error");

        List<?> transfers = client.get().uri("/_simulator/transfers").retrieve().bodyToMono(List.class).block();
        assertThat(transfers).filteredOn(t -> ((Map<?, ?>) t).get("reference").equals("dup-1")).hasSize(2);
    }

    @Test
    void flutterwaveTransferToAFailingAccountFailsWithBothSignatures() throws Exception {
        Answer resolved = call("POST", "/flutterwave/v3/accounts/resolve", FLW_KEY,
                Map.of("account_number", "0123456789", "account_bank", "057"));
        assertThat(resolved.status()).isEqualTo(200);
        assertThat(resolved.body()).containsEntry("status", "success").containsEntry("message", "Account details fetched");

        Answer queued = call("POST", "/flutterwave/v3/transfers", FLW_KEY, Map.of("account_bank", "057",
                "account_number", "0123456789", "amount", "5000.25", "currency", "NGN", "reference", "flw-fail-1",
                "narration", "payout"));
        assertThat(queued.status()).isEqualTo(200);
        assertThat(queued.data()).containsEntry("status", "NEW").containsEntry("amount", 5000.25);

        WebhookReceiver.Received webhook = receiver.await("flw-fail-1");
        assertThat(webhook.text()).contains("\"event\":\"transfer.completed\"").contains("\"status\":\"FAILED\"");
        assertThat(webhook.headers().get("verif-hash")).isEqualTo(FLW_HASH);
        assertThat(webhook.headers().get("flutterwave-signature")).isEqualTo(hmac("HmacSHA256", FLW_HASH, webhook.body()));

        Answer byReference = call("GET", "/flutterwave/v3/transfers?reference=flw-fail-1", FLW_KEY, null);
        assertThat((List<?>) byReference.body().get("data")).hasSize(1);
        Object id = queued.data().get("id");
        assertThat(call("GET", "/flutterwave/v3/transfers/" + id, FLW_KEY, null).data()).containsEntry("status", "FAILED");
    }

    @Test
    void unknownAccountsWrongKeysAndBadInputAreRefusedAsTheProvidersDo() {
        assertThat(call("GET", "/paystack/bank/resolve?account_number=0001234567&bank_code=058", PAYSTACK_KEY, null)
                .status()).isEqualTo(422);
        assertThat(call("GET", "/paystack/bank", "sk_test_wrong", null).status()).isEqualTo(401);
        assertThat(call("POST", "/flutterwave/v3/accounts/resolve", FLW_KEY,
                Map.of("account_number", "0001234567", "account_bank", "058")).status()).isEqualTo(400);
        assertThat(call("GET", "/flutterwave/v3/banks/NG", "wrong", null).status()).isEqualTo(401);
        assertThat(call("POST", "/paystack/transfer", PAYSTACK_KEY, Map.of("source", "balance", "amount", 10.5,
                "recipient", "RCP_x", "reference", "r")).status()).isEqualTo(400);
        assertThat(call("POST", "/flutterwave/v3/transfers", FLW_KEY, Map.of("account_bank", "058",
                "account_number", "0123456781", "amount", "1.001", "currency", "NGN")).status()).isEqualTo(400);
        assertThat(call("GET", "/paystack/transfer/verify/never-sent", PAYSTACK_KEY, null).status()).isEqualTo(404);
    }

    @Test
    void chargesArePaidAutomaticallyAndAnnounced() throws Exception {
        Answer paystack = call("POST", "/paystack/transaction/initialize", PAYSTACK_KEY,
                Map.of("email", "ada@example.com", "amount", "500000", "reference", "chg-ps-1"));
        assertThat(paystack.status()).isEqualTo(200);
        assertThat((String) paystack.data().get("authorization_url")).contains("/paystack/checkout/");
        assertThat(receiver.await("chg-ps-1").text()).contains("\"event\":\"charge.success\"");
        assertThat(call("GET", "/paystack/transaction/verify/chg-ps-1", PAYSTACK_KEY, null).data())
                .containsEntry("status", "success");

        Answer flw = call("POST", "/flutterwave/v3/payments", FLW_KEY, Map.of("tx_ref", "chg-flw-1", "amount", 5000,
                "currency", "NGN", "redirect_url", "https://example.com", "customer", Map.of("email", "ada@example.com")));
        assertThat(flw.status()).isEqualTo(200);
        assertThat(flw.body()).containsEntry("message", "Hosted Link");
        assertThat(receiver.await("chg-flw-1").text()).contains("\"event\":\"charge.completed\"")
                .contains("\"status\":\"successful\"");
    }

    @Test
    void faultsReplaceAnswersForTheChosenProviderAndOperationUntilSpent() {
        client.post().uri("/_simulator/faults").bodyValue(Map.of("provider", "PAYSTACK", "operation", "BANKS",
                "status", 503, "times", 2)).retrieve().toBodilessEntity().block();
        assertThat(call("GET", "/paystack/bank", PAYSTACK_KEY, null).status()).isEqualTo(503);
        assertThat(call("GET", "/flutterwave/v3/banks/NG", FLW_KEY, null).status()).as("other provider").isEqualTo(200);
        assertThat(call("GET", "/paystack/bank", PAYSTACK_KEY, null).status()).isEqualTo(503);
        assertThat(call("GET", "/paystack/bank", PAYSTACK_KEY, null).status()).as("spent").isEqualTo(200);

        client.post().uri("/_simulator/faults").bodyValue(Map.of("provider", "FLUTTERWAVE", "status", 500,
                "failureRate", 0.0)).retrieve().toBodilessEntity().block();
        for (int i = 0; i < 5; i++) {
            assertThat(call("GET", "/flutterwave/v3/banks/NG", FLW_KEY, null).status()).as("rate 0").isEqualTo(200);
        }

        client.post().uri("/_simulator/faults").bodyValue(Map.of("operation", "RESOLVE", "status", 429))
                .retrieve().toBodilessEntity().block();
        assertThat(call("POST", "/flutterwave/v3/accounts/resolve", FLW_KEY,
                Map.of("account_number", "0123456781", "account_bank", "058")).status()).isEqualTo(429);
        client.delete().uri("/_simulator/faults").retrieve().toBodilessEntity().block();
        assertThat(call("POST", "/flutterwave/v3/accounts/resolve", FLW_KEY,
                Map.of("account_number", "0123456781", "account_bank", "058")).status()).isEqualTo(200);
    }

    @Test
    void aDropAfterProcessingLosesTheAnswerButTheTransferWasQueued() {
        client.post().uri("/_simulator/faults").bodyValue(Map.of("provider", "FLUTTERWAVE", "operation", "TRANSFER",
                "drop", true, "afterProcessing", true, "latencyMs", 50)).retrieve().toBodilessEntity().block();
        assertThatThrownBy(() -> call("POST", "/flutterwave/v3/transfers", FLW_KEY, Map.of("account_bank", "058",
                "account_number", "0123456781", "amount", 100, "currency", "NGN", "reference", "lost-answer-1")))
                .isInstanceOf(WebClientRequestException.class);
        assertThat((List<?>) call("GET", "/flutterwave/v3/transfers?reference=lost-answer-1", FLW_KEY, null)
                .body().get("data")).hasSize(1);
    }

    @Test
    void latencyDelaysTheAnswer() {
        client.post().uri("/_simulator/faults").bodyValue(Map.of("provider", "PAYSTACK", "operation", "TRANSFER_STATUS",
                "latencyMs", 400)).retrieve().toBodilessEntity().block();
        long start = System.nanoTime();
        assertThat(call("GET", "/paystack/transfer/verify/nothing", PAYSTACK_KEY, null).status())
                .isEqualTo(HttpStatus.NOT_FOUND.value());
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(400);
    }
}
