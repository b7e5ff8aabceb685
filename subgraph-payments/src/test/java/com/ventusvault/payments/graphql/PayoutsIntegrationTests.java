package com.ventusvault.payments.graphql;

import com.ventusvault.platform.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.ventusvault.payments.domain.TransferId;
import com.ventusvault.payments.graphql.PaymentsTestServer.User;
import com.ventusvault.payments.holds.HoldService;
import com.ventusvault.payments.payouts.PayoutWorker;
import com.ventusvault.platform.testing.TestTokens;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Payouts and provider deposits end to end: GraphQL over real HTTP, the real PostgreSQL, and the provider simulator
 * (Paystack and Flutterwave stand-in) on its own port, sending its signed webhooks to this server. The worker is
 * driven directly (no immediate dispatch, no periodic scan) and the clock is the test's; only the simulator's
 * asynchronous completion is waited for, with a bounded poll.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "spring.config.name=payments", "ventus.payments.demo-funding=true",
        "ventus.payments.payouts.dispatch-immediately=false", "ventus.payments.payouts.scan-enabled=false",
        "ventus.payments.holds.sweep-interval=1h",
        // Outgoing limits low enough to test, above every other test's payouts (one wallet each).
        "ventus.payments.limits.currencies.NGN.per-transfer=30000", "ventus.payments.limits.currencies.NGN.daily=40000"})
@Import({MutableClock.Configuration.class, StaffTokens.Keys.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PayoutsIntegrationTests {

    private static final int PORT = SimulatorProcess.freePort();
    private static final SimulatorProcess SIMULATOR = SimulatorProcess.start(PORT,
            "--ventus.simulator.transfer-delay=300ms", "--ventus.simulator.charge-delay=300ms",
            "--ventus.simulator.webhook-retry-interval=200ms");
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String GTBANK = "058";

    @Autowired
    DatabaseClient database;

    @Autowired
    PayoutWorker worker;

    @Autowired
    HoldService holds;

    @Autowired
    MutableClock clock;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        PaymentsTestServer.properties(registry);
        registry.add("server.port", () -> PORT);
        registry.add("ventus.payments.providers.paystack.base-url", () -> SIMULATOR.url() + "/paystack");
        registry.add("ventus.payments.providers.flutterwave.base-url", () -> SIMULATOR.url() + "/flutterwave");
        registry.add("ventus.payments.providers.retry.initial-backoff", () -> "10ms");
        registry.add("ventus.payments.providers.retry.max-backoff", () -> "40ms");
        registry.add("ventus.payments.providers.breaker.open-duration", () -> "2s");
        // The fault tests fail many calls on purpose; the breaker is the router's business, not these tests'.
        registry.add("ventus.payments.providers.breaker.failure-threshold", () -> "50");
    }

    @AfterAll
    static void stopSimulator() {
        SIMULATOR.close();
    }

    @AfterEach
    void resetFaults() {
        SIMULATOR.resetFaults();
    }

    @Test
    @Order(1)
    void paysOutThroughPaystackToCompletedWithExactBalancesAndTheFullHistory() {
        User alice = user();
        String ngn = funded(alice, "20000.00");
        BigDecimal clearing = clearing("PAYSTACK");
        BigDecimal fees = feeRevenue();

        GraphQlTester.Response response = requestPayout(alice, payout(ngn, "10000.00", "0123456780", "PAYSTACK", "k1"));
        response.path("requestPayout.userErrors").entityList(Object.class).hasSize(0)
                .path("requestPayout.transfer.kind").entity(String.class).isEqualTo("PAYOUT")
                .path("requestPayout.transfer.status").entity(String.class).isEqualTo("BALANCE_RESERVED")
                .path("requestPayout.transfer.amount").entity(Map.class).isEqualTo(Map.of("amount", "10000.00", "currency", "NGN"))
                // 0.25% platform (25.00) + Paystack's 25.00 for 5,000.01 to 50,000.
                .path("requestPayout.transfer.fee.amount").entity(String.class).isEqualTo("50.00")
                .path("requestPayout.transfer.fees.platform.amount").entity(String.class).isEqualTo("25.00")
                .path("requestPayout.transfer.fees.provider.amount").entity(String.class).isEqualTo("25.00")
                .path("requestPayout.transfer.fees.network.amount").entity(String.class).isEqualTo("0.00")
                .path("requestPayout.transfer.hold.status").entity(String.class).isEqualTo("PENDING")
                .path("requestPayout.transfer.hold.amount").entity(Map.class)
                .isEqualTo(Map.of("amount", "10050.00", "currency", "NGN"))
                .path("requestPayout.transfer.from.id").entity(String.class).isEqualTo(ngn)
                .path("requestPayout.transfer.to").valueIsNull()
                .path("requestPayout.transfer.note").entity(String.class).isEqualTo("Rent for June")
                .path("requestPayout.transfer.payout.provider").entity(String.class).isEqualTo("PAYSTACK")
                .path("requestPayout.transfer.payout.bankCode").entity(String.class).isEqualTo(GTBANK)
                .path("requestPayout.transfer.payout.accountNumberLast4").entity(String.class).isEqualTo("6780")
                .path("requestPayout.transfer.payout.providerReference").valueIsNull();
        String id = response.path("requestPayout.transfer.id").entity(String.class).get();
        assertThat(response.path("requestPayout.transfer.payout.accountName").entity(String.class).get()).isNotBlank();
        // Reserved, not debited.
        assertThat(PaymentsTestServer.balance(database, ngn)).isEqualByComparingTo("20000.00");
        assertThat(held(ngn)).isEqualByComparingTo("10050.00");

        worker.advance(id(id)).block();
        assertThat(status(id)).isEqualTo("PROVIDER_PROCESSING");
        awaitStatus(id, "COMPLETED");

        assertThat(PaymentsTestServer.balance(database, ngn)).isEqualByComparingTo("9950.00");
        assertThat(held(ngn)).isEqualByComparingTo("0");
        assertThat(clearing("PAYSTACK").subtract(clearing)).isEqualByComparingTo("10025.00");
        assertThat(feeRevenue().subtract(fees)).isEqualByComparingTo("25.00");
        assertThat(history(id)).containsExactly("INITIATED", "VALIDATING", "BALANCE_RESERVED", "SENT_TO_PROVIDER",
                "PROVIDER_PROCESSING", "COMPLETED");
        assertThat(journal(id)).containsExactlyInAnyOrder("-10050.00", "10025.00", "25.00");
        // Audited: the request by alice, the completion by the system (Paystack's webhook), from the webhook's request.
        assertThat(audits(id)).containsExactly("payments.payout.requested by " + alice.id() + " in a request",
                "payments.payout.completed by the system in a request");
        alice.api().documentName("payout").variable("id", id).execute()
                .path("transfer.status").entity(String.class).isEqualTo("COMPLETED")
                .path("transfer.history[*].status").entityList(String.class).containsExactly("INITIATED", "VALIDATING",
                        "BALANCE_RESERVED", "SENT_TO_PROVIDER", "PROVIDER_PROCESSING", "COMPLETED")
                .path("transfer.hold.status").entity(String.class).isEqualTo("POSTED")
                .path("transfer.hold.posted.amount").entity(String.class).isEqualTo("10050.00")
                .path("transfer.fees.total.amount").entity(String.class).isEqualTo("50.00")
                .path("transfer.payout.provider").entity(String.class).isEqualTo("PAYSTACK")
                .path("transfer.payout.providerReference").entity(String.class).isEqualTo(id)
                .path("transfer.deposit").valueIsNull()
                .path("transfer.failure").valueIsNull();
    }

    @Test
    @Order(2)
    void paysOutThroughFlutterwaveSettledByTheStatusCheck() {
        User bob = user();
        String ngn = funded(bob, "1000.00");
        BigDecimal clearing = clearing("FLUTTERWAVE");
        BigDecimal fees = feeRevenue();

        String id = reserved(bob, payout(ngn, "500.00", "1234567890", "FLUTTERWAVE", "k1"));
        // 0.25% of 500 = 1.25, Flutterwave 10.75 up to 5,000: 12.00 on top.
        assertThat(held(ngn)).isEqualByComparingTo("512.00");
        worker.advance(id(id)).block();
        await(() -> {
            worker.checkStatus(id(id)).block();
            return "COMPLETED".equals(status(id));
        });

        assertThat(PaymentsTestServer.balance(database, ngn)).isEqualByComparingTo("488.00");
        assertThat(held(ngn)).isEqualByComparingTo("0");
        assertThat(clearing("FLUTTERWAVE").subtract(clearing)).isEqualByComparingTo("510.75");
        assertThat(feeRevenue().subtract(fees)).isEqualByComparingTo("1.25");
        assertThat(history(id)).containsExactly("INITIATED", "VALIDATING", "BALANCE_RESERVED", "SENT_TO_PROVIDER",
                "PROVIDER_PROCESSING", "COMPLETED");
        assertThat(journal(id)).hasSize(3);
    }

    @Test
    @Order(3)
    void aPayoutTheBankRejectsIsCompensatedWithNothingDebited() {
        User carol = user();
        String ngn = funded(carol, "3000.00");
        BigDecimal clearing = clearing("PAYSTACK");

        // The simulator's banks reject transfers to accounts ending in 9.
        String id = reserved(carol, payout(ngn, "2000.00", "1111111119", "PAYSTACK", "k1"));
        // 2000 + 5.00 platform + 10.00 Paystack (up to 5,000) held.
        assertThat(available(ngn)).isEqualByComparingTo("985.00");
        worker.advance(id(id)).block();
        awaitStatus(id, "COMPENSATED");

        assertThat(PaymentsTestServer.balance(database, ngn)).isEqualByComparingTo("3000.00");
        assertThat(held(ngn)).isEqualByComparingTo("0");
        assertThat(available(ngn)).isEqualByComparingTo("3000.00");
        assertThat(clearing("PAYSTACK")).isEqualByComparingTo(clearing);
        assertThat(journal(id)).isEmpty();
        assertThat(history(id)).containsExactly("INITIATED", "VALIDATING", "BALANCE_RESERVED", "SENT_TO_PROVIDER",
                "PROVIDER_PROCESSING", "FAILED", "COMPENSATED");
        assertThat(failureCode(id)).isEqualTo("PROVIDER_FAILED");
        assertThat(holdStatus(id)).isEqualTo("VOIDED");
        carol.api().documentName("payout").variable("id", id).execute()
                .path("transfer.status").entity(String.class).isEqualTo("COMPENSATED")
                .path("transfer.failure.code").entity(String.class).isEqualTo("PROVIDER_FAILED")
                .path("transfer.hold.status").entity(String.class).isEqualTo("VOIDED")
                .path("transfer.payout.accountNumberLast4").entity(String.class).isEqualTo("1119");
    }

    @Test
    @Order(4)
    void anAccountTheProviderDoesNotKnowFailsWithInvalidBankAccountAndHoldsNothing() {
        User dave = user();
        String ngn = funded(dave, "3000.00");

        GraphQlTester.Response response = requestPayout(dave, payout(ngn, "100.00", "0001234567", null, "k1"));
        response.path("requestPayout.userErrors[0].code").entity(String.class).isEqualTo("INVALID_BANK_ACCOUNT")
                .path("requestPayout.userErrors[0].field").entityList(String.class).containsExactly("input", "accountNumber")
                .path("requestPayout.transfer.status").entity(String.class).isEqualTo("FAILED");
        String id = response.path("requestPayout.transfer.id").entity(String.class).get();
        assertThat(history(id)).containsExactly("INITIATED", "VALIDATING", "FAILED");
        assertThat(failureCode(id)).isEqualTo("INVALID_BANK_ACCOUNT");
        assertNothingHeldAndBalance(ngn, "3000.00");

        // A replay answers the same refusal; the same key for another payout is refused as reused.
        requestPayout(dave, payout(ngn, "100.00", "0001234567", null, "k1"))
                .path("requestPayout.transfer.id").entity(String.class).isEqualTo(id)
                .path("requestPayout.userErrors[0].code").entity(String.class).isEqualTo("INVALID_BANK_ACCOUNT");
        requestPayout(dave, payout(ngn, "101.00", "0001234567", null, "k1"))
                .path("requestPayout.transfer").valueIsNull()
                .path("requestPayout.userErrors[0].code").entity(String.class).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        // The funding deposit and the failed payout.
        assertThat(PaymentsTestServer.transfersInitiatedBy(database, dave.id())).isEqualTo(2);
    }

    @Test
    @Order(5)
    void aPayoutAboveTheAvailableBalanceFailsWithInsufficientFunds() {
        User erin = user();
        String ngn = funded(erin, "1000.00");

        GraphQlTester.Response response = requestPayout(erin, payout(ngn, "990.00", "0123456780", "PAYSTACK", "k1"));
        // 990 + 2.48 platform + 10 Paystack = 1002.48 > 1000.
        response.path("requestPayout.userErrors[0].code").entity(String.class).isEqualTo("INSUFFICIENT_FUNDS")
                .path("requestPayout.transfer.status").entity(String.class).isEqualTo("FAILED");
        String id = response.path("requestPayout.transfer.id").entity(String.class).get();
        assertThat(history(id)).containsExactly("INITIATED", "VALIDATING", "FAILED");
        assertNothingHeldAndBalance(ngn, "1000.00");
    }

    @Test
    @Order(6)
    void aReplayedRequestReturnsThePayoutAndPaysOnce() {
        User frank = user();
        String ngn = funded(frank, "5000.00");
        Map<String, Object> input = payout(ngn, "1000.00", "0123456780", "PAYSTACK", "same-key");

        String id = reserved(frank, input);
        requestPayout(frank, input).path("requestPayout.transfer.id").entity(String.class).isEqualTo(id)
                .path("requestPayout.userErrors").entityList(Object.class).hasSize(0);
        Map<String, Object> other = new HashMap<>(input);
        other.put("bankCode", "044");
        requestPayout(frank, other).path("requestPayout.userErrors[0].code").entity(String.class)
                .isEqualTo("IDEMPOTENCY_KEY_REUSED");
        // 1000 + 2.50 + 10.
        assertThat(held(ngn)).isEqualByComparingTo("1012.50");
        assertThat(PaymentsTestServer.transfersInitiatedBy(database, frank.id())).isEqualTo(2);
    }

    @Test
    @Order(7)
    void malformedInputIsABadRequestAndWritesNothing() {
        User gina = user();
        String ngn = funded(gina, "1000.00");
        String usd = gina.openWallet("USD");
        long before = PaymentsTestServer.transfersInitiatedBy(database, gina.id());
        List.of(payout(ngn, "10.001", "0123456780", null, "a"), payout(ngn, "0", "0123456780", null, "b"),
                        payout(ngn, "-5", "0123456780", null, "c"), withField(payout(ngn, "10", "0123456780", null, "d"),
                                "bankCode", "12"),
                        withField(payout(ngn, "10", "0123456780", null, "e"), "bankCode", "1234567"),
                        payout(ngn, "10", "012345678", null, "f"), payout(ngn, "10", "01234567801", null, "g"),
                        payout(ngn, "10", "01234x6780", null, "h"),
                        withField(payout(ngn, "10", "0123456780", null, "i"), "narration", "x".repeat(101)),
                        payout(usd, "10", "0123456780", null, "j"))
                .forEach(input -> requestPayout(gina, input).errors()
                        .expect(error -> "BAD_REQUEST".equals(error.getExtensions().get("code"))).verify());
        assertThat(PaymentsTestServer.transfersInitiatedBy(database, gina.id())).isEqualTo(before);
        requestPayout(gina, payout(UUID.randomUUID().toString(), "10", "0123456780", null, "k"))
                .path("requestPayout.userErrors[0].code").entity(String.class).isEqualTo("WALLET_NOT_FOUND");
    }

    @Test
    @Order(8)
    void aWebhookWithABadSignatureIsRefusedAndChangesNothing() throws Exception {
        User hank = user();
        String ngn = funded(hank, "2000.00");
        String id = reserved(hank, payout(ngn, "1000.00", "0123456780", "PAYSTACK", "k1"));
        long events = webhookEvents();
        String forged = "{\"event\":\"transfer.success\",\"data\":{\"reference\":\"" + id + "\",\"status\":\"success\"}}";

        assertThat(postWebhook("paystack", forged, Map.of("x-paystack-signature", "00ff"))).isEqualTo(401);
        assertThat(postWebhook("paystack", forged, Map.of())).isEqualTo(401);
        assertThat(postWebhook("flutterwave", forged, Map.of("verif-hash", "wrong"))).isEqualTo(401);

        assertThat(status(id)).isEqualTo("BALANCE_RESERVED");
        assertThat(PaymentsTestServer.balance(database, ngn)).isEqualByComparingTo("2000.00");
        assertThat(webhookEvents()).isEqualTo(events);
    }

    @Test
    @Order(9)
    void aReplayedWebhookIsAcknowledgedAndPostsNothingTwice() throws Exception {
        User ivy = user();
        String ngn = funded(ivy, "2000.00");
        String id = reserved(ivy, payout(ngn, "1000.00", "0123456780", "PAYSTACK", "k1"));
        worker.advance(id(id)).block();
        awaitStatus(id, "COMPLETED");
        BigDecimal balance = PaymentsTestServer.balance(database, ngn);
        BigDecimal clearing = clearing("PAYSTACK");

        JsonNode delivery = null;
        for (JsonNode candidate : SIMULATOR.webhooks()) {
            if (candidate.path("body").asString().contains(id) && candidate.path("body").asString().contains("transfer.success")) {
                delivery = candidate;
            }
        }
        assertThat(delivery).as("the simulator's transfer.success webhook for " + id).isNotNull();
        Map<String, String> headers = new HashMap<>();
        delivery.path("headers").properties().forEach(header -> {
            if (header.getKey().toLowerCase().startsWith("x-paystack")) {
                headers.put(header.getKey(), header.getValue().asString());
            }
        });
        assertThat(postWebhook("paystack", delivery.path("body").asString(), headers)).isEqualTo(200);
        assertThat(postWebhook("paystack", delivery.path("body").asString(), headers)).isEqualTo(200);

        assertThat(PaymentsTestServer.balance(database, ngn)).isEqualByComparingTo(balance);
        assertThat(clearing("PAYSTACK")).isEqualByComparingTo(clearing);
        assertThat(journal(id)).hasSize(3);
        assertThat(history(id)).containsOnlyOnce("COMPLETED");
    }

    @Test
    @Order(10)
    void aHoldThatExpiresBeforeThePayoutIsSentEndsTheHoldAndThePayoutExpired() {
        User jack = user();
        String ngn = funded(jack, "2000.00");
        String id = reserved(jack, payout(ngn, "1000.00", "0123456780", "PAYSTACK", "k1"));

        clock.advance(Duration.ofMinutes(31));
        holds.expireDue().collectList().block();
        worker.scan().block();

        awaitStatus(id, "EXPIRED");
        assertThat(history(id)).containsExactly("INITIATED", "VALIDATING", "BALANCE_RESERVED", "EXPIRED");
        assertThat(failureCode(id)).isEqualTo("HOLD_EXPIRED");
        assertNothingHeldAndBalance(ngn, "2000.00");
        assertThat(journal(id)).isEmpty();
        // The worker never sends an expired payout.
        worker.advance(id(id)).block();
        assertThat(status(id)).isEqualTo("EXPIRED");
    }

    @Test
    @Order(11)
    void aProviderDepositCompletesWhenTheChargeWebhookArrives() {
        User kate = user();
        String ngn = kate.openWallet("NGN");
        BigDecimal clearing = clearing("PAYSTACK");

        GraphQlTester.Response response = kate.api().documentName("providerDeposit").variable("input", Map.of(
                "walletId", ngn, "amount", "7500.00", "idempotencyKey", "dep-1", "provider", "PAYSTACK")).execute();
        response.path("deposit.userErrors").entityList(Object.class).hasSize(0)
                .path("deposit.transfer.kind").entity(String.class).isEqualTo("DEPOSIT")
                .path("deposit.transfer.status").entity(String.class).isEqualTo("PROVIDER_PROCESSING")
                .path("deposit.transfer.from").valueIsNull()
                .path("deposit.transfer.to.id").entity(String.class).isEqualTo(ngn)
                .path("deposit.transfer.deposit.provider").entity(String.class).isEqualTo("PAYSTACK");
        String id = response.path("deposit.transfer.id").entity(String.class).get();
        assertThat(response.path("deposit.transfer.deposit.checkoutUrl").entity(String.class).get()).startsWith("http");
        assertThat(PaymentsTestServer.balance(database, ngn)).isEqualByComparingTo("0");

        awaitStatus(id, "COMPLETED");
        assertThat(PaymentsTestServer.balance(database, ngn)).isEqualByComparingTo("7500.00");
        assertThat(clearing.subtract(clearing("PAYSTACK"))).isEqualByComparingTo("7500.00");
        assertThat(history(id)).containsExactly("INITIATED", "PROVIDER_PROCESSING", "COMPLETED");
        assertThat(audits(id)).containsExactly("payments.deposit.started by " + kate.id() + " in a request",
                "payments.deposit.completed by the system in a request");
        // A replay of the deposit returns it and credits nothing more.
        kate.api().documentName("providerDeposit").variable("input", Map.of("walletId", ngn, "amount", "7500.00",
                        "idempotencyKey", "dep-1", "provider", "PAYSTACK")).execute()
                .path("deposit.transfer.id").entity(String.class).isEqualTo(id)
                .path("deposit.transfer.status").entity(String.class).isEqualTo("COMPLETED");
        assertThat(PaymentsTestServer.balance(database, ngn)).isEqualByComparingTo("7500.00");
    }

    @Test
    @Order(12)
    void concurrentRequestsWithOneKeyMakeOnePayout() throws Exception {
        User nina = user();
        String ngn = funded(nina, "5000.00");
        Map<String, Object> input = payout(ngn, "1000.00", "0123456780", "PAYSTACK", "one-key");

        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<String>> ids = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                ids.add(pool.submit(() -> requestPayout(nina, input).path("requestPayout.transfer.id")
                        .entity(String.class).get()));
            }
            String first = ids.get(0).get();
            for (var id : ids) {
                assertThat(id.get()).isEqualTo(first);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(database.sql("select count(*) from transfer where initiator_id = :user and kind = 'PAYOUT'")
                .bind("user", nina.id()).map(row -> row.get(0, Long.class)).one().block()).isEqualTo(1);
        assertThat(held(ngn)).isEqualByComparingTo("1012.50");
    }

    @Test
    @Order(13)
    void aPayoutWhoseHoldRunsOutWhileTheProviderHasItIsNeverExpiredAndIsDebitedOnce() {
        User olga = user();
        String ngn = funded(olga, "5000.00");
        String id = reserved(olga, payout(ngn, "1000.00", "0123456780", "PAYSTACK", "k1"));
        worker.advance(id(id)).block();

        clock.advance(Duration.ofMinutes(31));
        holds.expireDue().collectList().block();
        worker.scan().block();
        assertThat(status(id)).isIn("PROVIDER_PROCESSING", "COMPLETED");

        awaitStatus(id, "COMPLETED");
        assertThat(PaymentsTestServer.balance(database, ngn)).isEqualByComparingTo("3987.50");
        assertThat(held(ngn)).isEqualByComparingTo("0");
        assertThat(journal(id)).hasSize(3);
        assertThat(history(id)).doesNotContain("EXPIRED");
    }

    @Test
    @Order(14)
    void signedEventsForUnknownReferencesAreAcknowledgedRecordedAndChangeNothing() throws Exception {
        String reference = UUID.randomUUID().toString();
        String body = "{\"event\":\"transfer.completed\",\"data\":{\"id\":424242,\"reference\":\"" + reference
                + "\",\"status\":\"SUCCESSFUL\"}}";
        Map<String, String> signed = Map.of("verif-hash", "ventus-simulator-hash");

        assertThat(postWebhook("flutterwave", body, signed)).isEqualTo(200);
        assertThat(postWebhook("flutterwave", body, signed)).isEqualTo(200);
        assertThat(database.sql("select outcome from provider_webhook_event where provider = 'FLUTTERWAVE' "
                        + "and reference = :reference").bind("reference", reference)
                .map(row -> row.get(0, String.class)).all().collectList().block()).containsExactly("UNKNOWN_REFERENCE");
        assertThat(postWebhook("flutterwave", body.replace(reference, "not-a-transfer"), signed)).isEqualTo(200);
    }

    @Test
    @Order(15)
    void aFailedChargeFailsTheDepositAndALaterSuccessCreditsNothing() throws Exception {
        User paul = user();
        String ngn = paul.openWallet("NGN");
        GraphQlTester.Response response = paul.api().documentName("providerDeposit").variable("input", Map.of(
                "walletId", ngn, "amount", "3000.00", "idempotencyKey", "dep-1", "provider", "FLUTTERWAVE")).execute();
        String id = response.path("deposit.transfer.id").entity(String.class).get();
        response.path("deposit.transfer.deposit.provider").entity(String.class).isEqualTo("FLUTTERWAVE");

        String failed = "{\"event\":\"charge.completed\",\"data\":{\"id\":777,\"tx_ref\":\"" + id
                + "\",\"status\":\"failed\",\"complete_message\":\"Card declined\"}}";
        assertThat(postWebhook("flutterwave", failed, Map.of("verif-hash", "ventus-simulator-hash"))).isEqualTo(200);
        assertThat(status(id)).isEqualTo("FAILED");
        assertThat(failureCode(id)).isEqualTo("CHARGE_FAILED");

        // The simulator's own charge.completed (successful) still arrives: the deposit stays FAILED, nothing credited.
        await(() -> {
            for (JsonNode delivery : SIMULATOR.webhooks()) {
                if (delivery.path("body").asString().contains(id)) {
                    return true;
                }
            }
            return false;
        });
        assertThat(status(id)).isEqualTo("FAILED");
        assertThat(PaymentsTestServer.balance(database, ngn)).isEqualByComparingTo("0");
        assertThat(journal(id)).isEmpty();
        assertThat(history(id)).containsExactly("INITIATED", "PROVIDER_PROCESSING", "FAILED");
    }

    @Test
    @Order(16)
    void aPayoutWithoutAProviderChargesWhatFeeQuoteQuoted() {
        User quinn = user();
        String ngn = funded(quinn, "20000.00");
        GraphQlTester.Response quote = quinn.api().document("""
                query { feeQuote(input: {kind: PAYOUT, currency: "NGN", amount: "12000.00"}) {
                  provider fees { total { amount } } debit { amount } } }""").execute();
        String provider = quote.path("feeQuote.provider").entity(String.class).get();
        String fee = quote.path("feeQuote.fees.total.amount").entity(String.class).get();

        requestPayout(quinn, payout(ngn, "12000.00", "0123456780", null, "k1"))
                .path("requestPayout.userErrors").entityList(Object.class).hasSize(0)
                .path("requestPayout.transfer.fee.amount").entity(String.class).isEqualTo(fee)
                .path("requestPayout.transfer.payout.provider").entity(String.class).isEqualTo(provider);
        assertThat(held(ngn)).isEqualByComparingTo(quote.path("feeQuote.debit.amount").entity(String.class).get());
    }

    @Test
    @Order(17)
    void payoutsOverTheOutgoingLimitsAreRefusedAsDataAndReservedPayoutsCountTowardTheDay() {
        User rita = user();
        String ngn = funded(rita, "60000.00");

        // Above the 30,000 per-transfer limit: refused as data, recorded under its key, nothing held.
        Map<String, Object> tooBig = payout(ngn, "30000.01", "0123456780", "PAYSTACK", "big");
        GraphQlTester.Response over = requestPayout(rita, tooBig);
        over.path("requestPayout.userErrors[0].code").entity(String.class).isEqualTo("LIMIT_EXCEEDED")
                .path("requestPayout.userErrors[0].field").entityList(String.class).containsExactly("input", "amount")
                .path("requestPayout.transfer.status").entity(String.class).isEqualTo("FAILED");
        String refused = over.path("requestPayout.transfer.id").entity(String.class).get();
        assertThat(history(refused)).containsExactly("INITIATED", "VALIDATING", "FAILED");
        assertThat(failureCode(refused)).isEqualTo("LIMIT_EXCEEDED");
        assertThat(held(ngn)).isEqualByComparingTo("0");
        requestPayout(rita, tooBig).path("requestPayout.transfer.id").entity(String.class).isEqualTo(refused)
                .path("requestPayout.userErrors[0].code").entity(String.class).isEqualTo("LIMIT_EXCEEDED")
                .path("requestPayout.userErrors[0].field").entityList(String.class).containsExactly("input", "amount");

        // A reserved payout (not yet sent) counts toward the 40,000 a day: 25,000 reserved leaves exactly 15,000.
        String first = reserved(rita, payout(ngn, "25000.00", "0123456780", "PAYSTACK", "k1"));
        GraphQlTester.Response daily = requestPayout(rita, payout(ngn, "15000.01", "0123456780", "PAYSTACK", "k2"));
        daily.path("requestPayout.userErrors[0].code").entity(String.class).isEqualTo("LIMIT_EXCEEDED")
                .path("requestPayout.transfer.status").entity(String.class).isEqualTo("FAILED");
        assertThat(failureCode(daily.path("requestPayout.transfer.id").entity(String.class).get()))
                .isEqualTo("LIMIT_EXCEEDED");
        String second = reserved(rita, payout(ngn, "15000.00", "0123456780", "PAYSTACK", "k3"));

        // 25,000 + 62.50 + 25.00 and 15,000 + 37.50 + 25.00 held; the refusals held and debited nothing.
        assertThat(held(ngn)).isEqualByComparingTo("40150.00");
        assertThat(PaymentsTestServer.balance(database, ngn)).isEqualByComparingTo("60000.00");
        assertThat(status(first)).isEqualTo("BALANCE_RESERVED");
        assertThat(status(second)).isEqualTo("BALANCE_RESERVED");
        assertThat(journal(refused)).isEmpty();
    }

    @Test
    @Order(18)
    void signedWebhooksWeDoNotActOnAreAcknowledgedAndOnlyBadSignaturesAreRefused() throws Exception {
        long events = webhookEvents();
        String paystackKind = "{\"event\":\"customeridentification.success\",\"data\":{\"reference\":\"x\"}}";
        assertThat(postWebhook("paystack", paystackKind, Map.of("x-paystack-signature", hmac("HmacSHA512",
                "sk_test_ventus_simulator", paystackKind, false)))).isEqualTo(200);
        assertThat(postWebhook("paystack", "not json", Map.of("x-paystack-signature", hmac("HmacSHA512",
                "sk_test_ventus_simulator", "not json", false)))).isEqualTo(200);
        assertThat(postWebhook("paystack", paystackKind, Map.of("x-paystack-signature", hmac("HmacSHA512",
                "sk_test_ventus_simulator", paystackKind + " ", false)))).isEqualTo(401);
        assertThat(postWebhook("paystack", paystackKind, Map.of())).isEqualTo(401);

        String flutterwaveKind = "{\"event\":\"subscription.cancelled\",\"data\":{\"id\":1}}";
        String pending = "{\"event\":\"transfer.completed\",\"data\":{\"id\":9,\"reference\":\"x\",\"status\":\"NEW\"}}";
        Map<String, String> hash = Map.of("verif-hash", "ventus-simulator-hash");
        assertThat(postWebhook("flutterwave", flutterwaveKind, hash)).isEqualTo(200);
        assertThat(postWebhook("flutterwave", pending, hash)).isEqualTo(200);
        assertThat(postWebhook("flutterwave", "not json", hash)).isEqualTo(200);
        assertThat(postWebhook("flutterwave", pending, Map.of("flutterwave-signature",
                hmac("HmacSHA256", "ventus-simulator-hash", pending, true)))).isEqualTo(200);
        assertThat(postWebhook("flutterwave", pending, Map.of("flutterwave-signature",
                hmac("HmacSHA256", "ventus-simulator-hash", flutterwaveKind, true)))).isEqualTo(401);
        assertThat(postWebhook("flutterwave", flutterwaveKind, Map.of("verif-hash", "guess"))).isEqualTo(401);
        assertThat(postWebhook("flutterwave", flutterwaveKind, Map.of())).isEqualTo(401);
        // Ignored deliveries are not events: nothing recorded.
        assertThat(webhookEvents()).isEqualTo(events);
    }

    @Test
    @Order(19)
    void aPaystackPayoutReversedAfterCompletionRefundsItsAmountOnce() throws Exception {
        // 1000 + 2.50 platform + 10.00 Paystack debited; the reversal gives back the 1000.
        reversedAfterCompletionRefundsTheAmountOnce("PAYSTACK", "transfer.reversed", "3987.50");
    }

    @Test
    @Order(19)
    void aFlutterwavePayoutReversedAfterCompletionRefundsItsAmountOnce() throws Exception {
        // 1000 + 2.50 platform + 10.75 Flutterwave debited; the reversal gives back the 1000.
        reversedAfterCompletionRefundsTheAmountOnce("FLUTTERWAVE", "\"status\":\"REVERSED\"", "3986.75");
    }

    private void reversedAfterCompletionRefundsTheAmountOnce(String provider, String reversalMarker, String afterPayout)
            throws Exception {
        User sam = user();
        String ngn = funded(sam, "5000.00");
        String id = reserved(sam, payout(ngn, "1000.00", "0123456780", provider, "k1"));
        worker.advance(id(id)).block();
        await(() -> {
            worker.checkStatus(id(id)).block();
            return "COMPLETED".equals(status(id));
        });
        assertThat(status(id)).isEqualTo("COMPLETED");
        assertThat(PaymentsTestServer.balance(database, ngn)).isEqualByComparingTo(afterPayout);
        BigDecimal clearing = clearing(provider);
        BigDecimal fees = feeRevenue();
        long outbox = outboxEvents();

        SIMULATOR.reverse(provider, id);
        await(() -> refundOf(id) != null);
        String refund = refundOf(id);
        assertThat(refund).as("the refund of " + id).isNotNull();

        BigDecimal refunded = new BigDecimal(afterPayout).add(new BigDecimal("1000.00"));
        assertThat(PaymentsTestServer.balance(database, ngn)).isEqualByComparingTo(refunded);
        assertThat(clearing.subtract(clearing(provider))).isEqualByComparingTo("1000.00");
        // The fees stay where they went: the platform keeps its fee (and the provider its own).
        assertThat(feeRevenue()).isEqualByComparingTo(fees);
        assertThat(status(id)).isEqualTo("COMPLETED");
        assertThat(journal(id)).hasSize(3);
        assertThat(database.sql("select kind || ' ' || status || ' ' || amount::numeric(20,2) || ' ' "
                        + "|| coalesce(from_account_id::text, '-') || ' ' || to_account_id || ' ' || note "
                        + "from transfer where id = :id").bind("id", UUID.fromString(refund))
                .map(row -> row.get(0, String.class)).one().block())
                .isEqualTo("PAYOUT COMPLETED 1000.00 - " + ngn + " Refund of payout " + id + ", reversed by " + provider);
        assertThat(journal(refund)).containsExactlyInAnyOrder("-1000.00", "1000.00");
        assertThat(history(refund)).containsExactly("COMPLETED");
        assertThat(database.sql("select provider from payout_reversal where payout_id = :id")
                .bind("id", UUID.fromString(id)).map(row -> row.get(0, String.class)).one().block()).isEqualTo(provider);
        // Its transfer status change and the wallet's balance change are in the outbox.
        assertThat(database.sql("select count(*) from outbox_event where id > :after and ((aggregate_type = 'Transfer' "
                        + "and aggregate_id = :refund) or (aggregate_type = 'Wallet' and aggregate_id = :wallet))")
                .bind("after", outbox).bind("refund", refund).bind("wallet", ngn)
                .map(row -> row.get(0, Long.class)).one().block()).isEqualTo(2);

        // The reversal delivered again: acknowledged, nothing more refunded.
        JsonNode delivery = null;
        for (JsonNode candidate : SIMULATOR.webhooks()) {
            String body = candidate.path("body").asString();
            if (body.contains(id) && body.contains(reversalMarker)) {
                delivery = candidate;
            }
        }
        assertThat(delivery).as("the simulator's reversal webhook for " + id).isNotNull();
        Map<String, String> headers = new HashMap<>();
        delivery.path("headers").properties().forEach(header -> {
            String name = header.getKey().toLowerCase();
            if (name.startsWith("x-paystack") || name.equals("verif-hash") || name.equals("flutterwave-signature")) {
                headers.put(header.getKey(), header.getValue().asString());
            }
        });
        assertThat(postWebhook(provider.toLowerCase(), delivery.path("body").asString(), headers)).isEqualTo(200);
        // Another reversal event (another event id) for the same payout: still one refund per payout.
        String other = provider.equals("PAYSTACK")
                ? "{\"event\":\"transfer.reversed\",\"data\":{\"reference\":\"" + id
                        + "\",\"transfer_code\":\"TRF_another\",\"status\":\"reversed\"}}"
                : "{\"event\":\"transfer.completed\",\"data\":{\"id\":31337,\"reference\":\"" + id
                        + "\",\"status\":\"REVERSED\"}}";
        assertThat(postWebhook(provider.toLowerCase(), other, provider.equals("PAYSTACK")
                ? Map.of("x-paystack-signature", hmac("HmacSHA512", "sk_test_ventus_simulator", other, false))
                : Map.of("verif-hash", "ventus-simulator-hash"))).isEqualTo(200);
        assertThat(database.sql("select outcome from provider_webhook_event where provider = :provider and reference = :id "
                        + "and event_type = 'PAYOUT_REVERSED'").bind("provider", provider).bind("id", id)
                .map(row -> row.get(0, String.class)).all().collectList().block())
                .containsExactlyInAnyOrder("REFUNDED", "ALREADY_SETTLED");
        // Settled by the status check or the webhook (whichever came first), reversed by a webhook; audited once each.
        assertThat(audits(id)).hasSize(3).satisfies(audits -> {
            assertThat(audits.get(0)).isEqualTo("payments.payout.requested by " + sam.id() + " in a request");
            assertThat(audits.get(1)).startsWith("payments.payout.completed by the system");
            assertThat(audits.get(2)).isEqualTo("payments.payout.reversed by the system in a request");
        });
        assertThat(PaymentsTestServer.balance(database, ngn)).isEqualByComparingTo(refunded);
        assertThat(clearing.subtract(clearing(provider))).isEqualByComparingTo("1000.00");
        assertThat(database.sql("select count(*) from transfer where to_account_id = :wallet and kind = 'PAYOUT'")
                .bind("wallet", UUID.fromString(ngn)).map(row -> row.get(0, Long.class)).one().block()).isEqualTo(1);
    }

    private String refundOf(String payout) {
        return database.sql("select refund_transfer_id::text from payout_reversal where payout_id = :id")
                .bind("id", UUID.fromString(payout)).map(row -> row.get(0, String.class)).one().block();
    }

    /** The AuditRecorded events about a transfer, oldest first: "action by actor-or-the-system[ in a request]". */
    private List<String> audits(String transfer) {
        return database.sql("select payload->>'action' || ' by ' || coalesce(payload->>'actorId', 'the system') "
                        + "|| case when payload->>'requestId' is null then '' else ' in a request' end "
                        + "from outbox_event where event_type = 'AuditRecorded' and aggregate_id = :target order by id")
                .bind("target", "transfer:" + transfer).map(row -> row.get(0, String.class)).all().collectList().block();
    }

    private long outboxEvents() {
        return database.sql("select coalesce(max(id), 0) from outbox_event").map(row -> row.get(0, Long.class)).one()
                .block();
    }

    @Test
    @Order(20)
    void whenPaystackCannotTakePayoutsTheyFailOverToFlutterwave() {
        User liam = user();
        String ngn = funded(liam, "5000.00");
        BigDecimal flutterwave = clearing("FLUTTERWAVE");
        BigDecimal paystack = clearing("PAYSTACK");
        // Resolved (and priced) at Paystack: 1000 + 2.50 platform + 10.00 Paystack.
        String id = reserved(liam, payout(ngn, "1000.00", "0123456780", "PAYSTACK", "k1"));
        SIMULATOR.fault("{\"provider\":\"PAYSTACK\",\"operation\":\"TRANSFER\",\"status\":503}");

        worker.advance(id(id)).block();
        assertThat(provider(id)).isEqualTo("FLUTTERWAVE");
        awaitStatus(id, "COMPLETED");

        // The user pays the fee quoted at reservation; the clearing account of the provider that paid gets amount
        // plus that provider fee.
        assertThat(PaymentsTestServer.balance(database, ngn)).isEqualByComparingTo("3987.50");
        assertThat(clearing("FLUTTERWAVE").subtract(flutterwave)).isEqualByComparingTo("1010.00");
        assertThat(clearing("PAYSTACK")).isEqualByComparingTo(paystack);
        assertThat(held(ngn)).isEqualByComparingTo("0");
    }

    @Test
    @Order(21)
    void whenNoProviderCanTakeAPayoutItIsCompensated() {
        User mia = user();
        String ngn = funded(mia, "5000.00");
        String id = reserved(mia, payout(ngn, "1000.00", "0123456780", null, "k1"));
        SIMULATOR.fault("{\"provider\":null,\"operation\":\"TRANSFER\",\"status\":503}");

        worker.advance(id(id)).block();

        // Both providers confirm they do not have it (TRANSFER fails, their status lookups work): compensated.
        assertThat(status(id)).isEqualTo("COMPENSATED");
        assertThat(failureCode(id)).isEqualTo("PROVIDER_UNAVAILABLE");
        assertThat(history(id)).containsExactly("INITIATED", "VALIDATING", "BALANCE_RESERVED", "SENT_TO_PROVIDER",
                "FAILED", "COMPENSATED");
        assertNothingHeldAndBalance(ngn, "5000.00");
    }

    @Test
    @Order(22)
    void aPayoutNoProviderTookButOneCannotAccountForIsKeptAndSentAgainLater() {
        User nora = user();
        String ngn = funded(nora, "5000.00");
        String id = reserved(nora, payout(ngn, "1000.00", "0123456780", "PAYSTACK", "k1"));
        SIMULATOR.fault("{\"provider\":null,\"operation\":\"TRANSFER\",\"status\":503}");
        SIMULATOR.fault("{\"provider\":\"FLUTTERWAVE\",\"operation\":\"TRANSFER_STATUS\",\"status\":503}");

        worker.advance(id(id)).block();
        // Flutterwave cannot say whether it has the payout: it is not given back.
        assertThat(status(id)).isEqualTo("SENT_TO_PROVIDER");
        assertThat(held(ngn)).isEqualByComparingTo("1012.50");

        SIMULATOR.resetFaults();
        worker.scan().block();
        awaitStatus(id, "COMPLETED");
        assertThat(PaymentsTestServer.balance(database, ngn)).isEqualByComparingTo("3987.50");
        assertThat(held(ngn)).isEqualByComparingTo("0");
        assertThat(history(id)).containsExactly("INITIATED", "VALIDATING", "BALANCE_RESERVED", "SENT_TO_PROVIDER",
                "PROVIDER_PROCESSING", "COMPLETED");
    }

    @Test
    @Order(99)
    void theLedgerStillBalancesAfterEverything() {
        UUID staff = UUID.randomUUID();
        PaymentsTestServer.anonymous(PORT).mutate()
                .header("Authorization", "Bearer " + StaffTokens.token(staff, "staff-" + staff + "@ventusvault.local",
                        "SUPPORT"))
                .build().documentName("verifyLedger").execute().errors().verify()
                .path("verifyLedger.clean").entity(Boolean.class).isEqualTo(true)
                .path("verifyLedger.differences").entityList(Object.class).hasSize(0)
                .path("verifyLedger.unbalancedTransfers").entityList(Object.class).hasSize(0);
        assertThat(database.sql("select count(*) from (select currency, sum(balance) s from ledger_account "
                        + "group by currency having sum(balance) <> 0) unbalanced")
                .map(row -> row.get(0, Long.class)).one().block()).isZero();
        assertThat(database.sql("select count(*) from ledger_account a where a.balance <> coalesce((select sum(amount) "
                        + "from journal_entry j where j.account_id = a.id), 0) or a.held <> coalesce((select sum(amount) "
                        + "from hold h where h.account_id = a.id and h.status = 'PENDING'), 0)")
                .map(row -> row.get(0, Long.class)).one().block()).isZero();
        assertThat(database.sql("select count(*) from (select transfer_id from journal_entry group by transfer_id "
                        + "having sum(amount) <> 0) unbalanced").map(row -> row.get(0, Long.class)).one().block()).isZero();
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static User user() {
        UUID id = UUID.randomUUID();
        String email = "payer-" + id + "@example.com";
        PaymentsTestServer.ACCOUNTS.register(email, id);
        // Valid for a day of the test's clock, which moves forward.
        String token = PaymentsTestServer.TOKENS.token(id, email, TestTokens.ISSUER, TestTokens.AUDIENCE,
                Instant.now().plus(Duration.ofDays(1)));
        return new User(id, email, token, PaymentsTestServer.anonymous(PORT).mutate()
                .header("Authorization", "Bearer " + token).build());
    }

    private static String funded(User user, String amount) {
        String ngn = user.openWallet("NGN");
        user.deposit(ngn, amount);
        return ngn;
    }

    private static Map<String, Object> payout(String wallet, String amount, String account, String provider, String key) {
        Map<String, Object> input = new HashMap<>();
        input.put("walletId", wallet);
        input.put("amount", amount);
        input.put("bankCode", GTBANK);
        input.put("accountNumber", account);
        input.put("provider", provider);
        input.put("narration", "Rent for June");
        input.put("idempotencyKey", key);
        return input;
    }

    private static Map<String, Object> withField(Map<String, Object> input, String field, Object value) {
        input.put(field, value);
        return input;
    }

    private static GraphQlTester.Response requestPayout(User user, Map<String, Object> input) {
        return user.api().documentName("requestPayout").variable("input", input).execute();
    }

    private static String reserved(User user, Map<String, Object> input) {
        GraphQlTester.Response response = requestPayout(user, input);
        response.path("requestPayout.userErrors").entityList(Object.class).hasSize(0)
                .path("requestPayout.transfer.status").entity(String.class).isEqualTo("BALANCE_RESERVED");
        return response.path("requestPayout.transfer.id").entity(String.class).get();
    }

    private static TransferId id(String id) {
        return TransferId.parse(id).orElseThrow();
    }

    private int postWebhook(String provider, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/webhooks/" + provider))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /** A provider's signature of {@code body}: hex (Paystack) or base64 (Flutterwave) HMAC keyed with the secret. */
    private static String hmac(String algorithm, String secret, String body, boolean base64) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance(algorithm);
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), algorithm));
        byte[] signature = mac.doFinal(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return base64 ? java.util.Base64.getEncoder().encodeToString(signature)
                : java.util.HexFormat.of().formatHex(signature);
    }

    private void awaitStatus(String id, String expected) {
        await(() -> expected.equals(status(id)));
        assertThat(status(id)).isEqualTo(expected);
    }

    private static void await(Supplier<Boolean> condition) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.get()) {
            if (Instant.now().isAfter(deadline)) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The wallet holds nothing back and its posted balance is {@code balance}. */
    private void assertNothingHeldAndBalance(String wallet, String balance) {
        assertThat(held(wallet)).isEqualByComparingTo("0");
        assertThat(PaymentsTestServer.balance(database, wallet)).isEqualByComparingTo(balance);
    }

    /** The single value {@code sql} selects for the row whose {@code :id} is {@code id}. */
    private <T> T valueFor(String sql, String id, Class<T> type) {
        return database.sql(sql).bind("id", UUID.fromString(id)).map(row -> row.get(0, type)).one().block();
    }

    private String status(String id) {
        return valueFor("select status from transfer where id = :id", id, String.class);
    }

    private String failureCode(String id) {
        return valueFor("select failure_code from transfer where id = :id", id, String.class);
    }

    private String provider(String id) {
        return valueFor("select provider from payout_detail where transfer_id = :id", id, String.class);
    }

    private String holdStatus(String id) {
        return valueFor("select status from hold where transfer_id = :id", id, String.class);
    }

    private List<String> history(String id) {
        return database.sql("select status from transfer_status_change where transfer_id = :id order by id")
                .bind("id", UUID.fromString(id)).map(row -> row.get(0, String.class)).all().collectList().block();
    }

    private List<String> journal(String id) {
        return database.sql("select amount from journal_entry where transfer_id = :id order by id")
                .bind("id", UUID.fromString(id))
                .map(row -> row.get(0, BigDecimal.class).setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString())
                .all().collectList().block();
    }

    private BigDecimal held(String wallet) {
        return valueFor("select held from ledger_account where id = :id", wallet, BigDecimal.class);
    }

    private BigDecimal available(String wallet) {
        return valueFor("select balance - held from ledger_account where id = :id", wallet, BigDecimal.class);
    }

    private BigDecimal clearing(String provider) {
        return database.sql("select balance from ledger_account where kind = 'PROVIDER_CLEARING' and currency = 'NGN' "
                        + "and provider = :provider").bind("provider", provider)
                .map(row -> row.get(0, BigDecimal.class)).one().block();
    }

    private BigDecimal feeRevenue() {
        return database.sql("select sum(balance) from ledger_account where kind = 'FEE_REVENUE' and currency = 'NGN'")
                .map(row -> row.get(0, BigDecimal.class)).one().block();
    }

    private long webhookEvents() {
        return database.sql("select count(*) from provider_webhook_event").map(row -> row.get(0, Long.class)).one().block();
    }
}
