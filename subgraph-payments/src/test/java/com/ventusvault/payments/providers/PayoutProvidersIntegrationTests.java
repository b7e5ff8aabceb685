package com.ventusvault.payments.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ventusvault.payments.domain.Currency;
import com.ventusvault.payments.domain.Money;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Paystack and Flutterwave adapters and the router, against the provider simulator over real HTTP: happy paths,
 * refusals, retries, the circuit breaker and failover, and the never-a-double-send rule.
 */
class PayoutProvidersIntegrationTests {

    private static ProviderSimulatorServer simulator;
    private RoutedPayoutProviders providers;

    @BeforeAll
    static void startSimulator() {
        simulator = new ProviderSimulatorServer();
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @BeforeEach
    void freshRouter() {
        providers = router(Duration.ofMillis(500), Duration.ofSeconds(60));
    }

    @AfterEach
    void resetFaults() {
        simulator.resetFaults();
    }

    private static RoutedPayoutProviders router(Duration readTimeout, Duration openDuration) {
        return (RoutedPayoutProviders) new ProvidersConfiguration()
                .payoutProviders(simulator.properties(readTimeout, openDuration));
    }

    private static Money ngn(String amount) {
        return Money.of(amount, Currency.NGN);
    }

    private static PayoutOrder payout(String account, String amount) {
        return new PayoutOrder(UUID.randomUUID().toString(), ngn(amount), "058", account, "", "VentusVault payout");
    }

    private static ProviderState settle(PayoutProviders providers, ProviderName provider, String reference)
            throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            ProviderStatus status = providers.status(provider, reference).block();
            if (status.state() != ProviderState.PENDING) {
                return status.state();
            }
            Thread.sleep(25);
        }
        throw new AssertionError(reference + " still pending");
    }

    @Test
    void paystackResolvesSendsAndReportsSuccess() throws InterruptedException {
        ResolvedAccount account = providers.resolveAccount("058", "0123456781", Optional.of(ProviderName.PAYSTACK)).block();
        assertThat(account.provider()).isEqualTo(ProviderName.PAYSTACK);
        assertThat(account.accountName()).isNotBlank();

        PayoutOrder order = payout("0123456781", "2500.50");
        Submission submission = providers.send(order, Optional.of(ProviderName.PAYSTACK)).block();
        assertThat(submission.provider()).isEqualTo(ProviderName.PAYSTACK);
        assertThat(submission.providerTransferId()).startsWith("TRF_");
        assertThat(submission.state()).isEqualTo(ProviderState.PENDING);
        assertThat(simulator.transfers(order.reference())).singleElement()
                .satisfies(t -> assertThat(t).containsEntry("provider", "PAYSTACK").containsEntry("amountKobo", 250050));
        assertThat(settle(providers, ProviderName.PAYSTACK, order.reference())).isEqualTo(ProviderState.SUCCEEDED);
    }

    @Test
    void flutterwaveResolvesSendsAndReportsAFailingAccount() throws InterruptedException {
        ResolvedAccount account = providers.resolveAccount("058", "0123456781", Optional.of(ProviderName.FLUTTERWAVE)).block();
        assertThat(account.provider()).isEqualTo(ProviderName.FLUTTERWAVE);
        assertThat(account.accountName())
                .isEqualTo(providers.resolveAccount("058", "0123456781", Optional.of(ProviderName.PAYSTACK)).block().accountName());

        PayoutOrder ok = payout("0123456781", "70000");
        Submission submission = providers.send(ok, Optional.of(ProviderName.FLUTTERWAVE)).block();
        assertThat(submission.provider()).isEqualTo(ProviderName.FLUTTERWAVE);
        assertThat(submission.state()).isEqualTo(ProviderState.PENDING);
        assertThat(settle(providers, ProviderName.FLUTTERWAVE, ok.reference())).isEqualTo(ProviderState.SUCCEEDED);

        PayoutOrder failing = payout("0123456789", "100");
        providers.send(failing, Optional.of(ProviderName.FLUTTERWAVE)).block();
        assertThat(settle(providers, ProviderName.FLUTTERWAVE, failing.reference())).isEqualTo(ProviderState.FAILED);
        assertThat(providers.status(ProviderName.FLUTTERWAVE, failing.reference()).block().reason())
                .contains("rejected");
    }

    @Test
    void chargesStartAHostedCheckoutAtEitherProvider() {
        Checkout paystack = providers.startCharge(new ChargeOrder(UUID.randomUUID().toString(), ngn("5000"),
                "ada@example.com"), ProviderName.PAYSTACK).block();
        assertThat(paystack.checkoutUrl()).contains("/paystack/checkout/");
        Checkout flutterwave = providers.startCharge(new ChargeOrder(UUID.randomUUID().toString(), ngn("5000"),
                "ada@example.com"), ProviderName.FLUTTERWAVE).block();
        assertThat(flutterwave.checkoutUrl()).contains("/flutterwave/checkout/");
    }

    @Test
    void anAccountThatDoesNotExistIsRejectedNotRetriedElsewhere() {
        assertThatThrownBy(() -> providers.resolveAccount("058", "0001234567", Optional.empty()).block())
                .isInstanceOfSatisfying(ProviderRejection.class, e -> assertThat(e.code()).isEqualTo("INVALID_BANK_ACCOUNT"));
        assertThat(providers.breaker(ProviderName.PAYSTACK).getMetrics().getNumberOfFailedCalls()).isZero();
    }

    @Test
    void retryableErrorsAreRetriedAtMostThreeTimes() {
        simulator.fault(Map.of("provider", "PAYSTACK", "operation", "RESOLVE", "status", 503, "times", 3));
        assertThat(providers.resolveAccount("058", "0123456781", Optional.of(ProviderName.PAYSTACK)).block().provider())
                .as("three 503s, the fourth attempt answers").isEqualTo(ProviderName.PAYSTACK);

        simulator.fault(Map.of("provider", "PAYSTACK", "operation", "RESOLVE", "status", 429, "times", 4));
        assertThat(providers.resolveAccount("058", "0123456781", Optional.of(ProviderName.PAYSTACK)).block().provider())
                .as("four 429s exhaust 1 + 3 attempts: the next provider answers").isEqualTo(ProviderName.FLUTTERWAVE);
        assertThat(providers.resolveAccount("058", "0123456781", Optional.of(ProviderName.PAYSTACK)).block().provider())
                .as("the fault was spent by exactly four attempts").isEqualTo(ProviderName.PAYSTACK);
    }

    @Test
    void nonRetryableErrorsAreNotRetried() {
        simulator.fault(Map.of("provider", "PAYSTACK", "operation", "RESOLVE", "status", 400, "times", 1));
        assertThatThrownBy(() -> providers.resolveAccount("058", "0123456781", Optional.of(ProviderName.PAYSTACK)).block())
                .isInstanceOf(ProviderRejection.class);
        assertThat(providers.resolveAccount("058", "0123456781", Optional.of(ProviderName.PAYSTACK)).block().provider())
                .isEqualTo(ProviderName.PAYSTACK);
    }

    @Test
    void theBreakerOpensAfterFiveFailuresAndTrafficFailsOver() {
        simulator.fault(Map.of("provider", "PAYSTACK", "operation", "TRANSFER", "status", 503));
        PayoutOrder first = payout("0123456781", "1000");
        Submission failedOver = providers.send(first, Optional.of(ProviderName.PAYSTACK)).block();
        assertThat(failedOver.provider()).as("Paystack answered 503 four times and has no such transfer")
                .isEqualTo(ProviderName.FLUTTERWAVE);
        CircuitBreaker paystack = providers.breaker(ProviderName.PAYSTACK);
        assertThat(paystack.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(paystack.getMetrics().getNumberOfFailedCalls()).isEqualTo(4);

        Submission second = providers.send(payout("0123456781", "1000"), Optional.of(ProviderName.PAYSTACK)).block();
        assertThat(second.provider()).isEqualTo(ProviderName.FLUTTERWAVE);
        assertThat(paystack.getState()).as("the fifth failure opens it").isEqualTo(CircuitBreaker.State.OPEN);

        simulator.resetFaults();
        assertThat(providers.choose(ngn("1000"))).as("an open breaker takes it out of routing").isEqualTo(ProviderName.FLUTTERWAVE);
        PayoutOrder third = payout("0123456781", "1000");
        assertThat(providers.send(third, Optional.of(ProviderName.PAYSTACK)).block().provider())
                .isEqualTo(ProviderName.FLUTTERWAVE);
        assertThat(simulator.transfers(first.reference())).singleElement()
                .satisfies(t -> assertThat(t).containsEntry("provider", "FLUTTERWAVE"));
        assertThat(simulator.transfers(third.reference())).singleElement()
                .satisfies(t -> assertThat(t).containsEntry("provider", "FLUTTERWAVE"));
    }

    @Test
    void anOpenBreakerLetsATrialCallThroughAfterItsOpenDurationAndClosesOnSuccess() throws InterruptedException {
        RoutedPayoutProviders quick = router(Duration.ofMillis(500), Duration.ofMillis(300));
        quick.breaker(ProviderName.PAYSTACK).transitionToOpenState();
        assertThat(quick.choose(ngn("1000"))).isEqualTo(ProviderName.FLUTTERWAVE);
        Thread.sleep(600);
        assertThat(quick.breaker(ProviderName.PAYSTACK).getState()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        assertThat(quick.resolveAccount("058", "0123456781", Optional.of(ProviderName.PAYSTACK)).block().provider())
                .isEqualTo(ProviderName.PAYSTACK);
        assertThat(quick.breaker(ProviderName.PAYSTACK).getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aTimedOutPayoutIsNeverSentToASecondProvider() {
        // Paystack queues the transfer but its answer is always too late: every attempt times out.
        simulator.fault(Map.of("provider", "PAYSTACK", "operation", "TRANSFER", "afterProcessing", true,
                "latencyMs", 1500));
        PayoutOrder order = payout("0123456781", "3000");
        Submission submission = providers.send(order, Optional.of(ProviderName.PAYSTACK)).block();
        assertThat(submission.provider()).as("Paystack, asked about the reference, holds it").isEqualTo(ProviderName.PAYSTACK);
        assertThat(submission.providerTransferId()).startsWith("TRF_");
        assertThat(simulator.transfers(order.reference())).singleElement()
                .satisfies(t -> assertThat(t).containsEntry("provider", "PAYSTACK"));
    }

    @Test
    void anAmbiguousFailureFailsOverOnlyWhenTheFirstProviderConfirmsItHasNothing() {
        simulator.fault(Map.of("provider", "PAYSTACK", "operation", "TRANSFER", "status", 500));
        PayoutOrder order = payout("0123456781", "3000");
        assertThat(providers.send(order, Optional.of(ProviderName.PAYSTACK)).block().provider())
                .isEqualTo(ProviderName.FLUTTERWAVE);
        assertThat(simulator.transfers(order.reference())).singleElement()
                .satisfies(t -> assertThat(t).containsEntry("provider", "FLUTTERWAVE"));
    }

    @Test
    void anAmbiguousFailureThatCannotBeCheckedStopsInsteadOfRiskingADoubleSend() {
        simulator.fault(Map.of("provider", "PAYSTACK", "operation", "TRANSFER", "status", 500, "afterProcessing", true));
        simulator.fault(Map.of("provider", "PAYSTACK", "operation", "TRANSFER_STATUS", "drop", true));
        PayoutOrder order = payout("0123456781", "3000");
        assertThatThrownBy(() -> providers.send(order, Optional.of(ProviderName.PAYSTACK)).block())
                .isInstanceOf(ProviderUnavailable.class).hasMessageContaining("may have reached PAYSTACK");
        assertThat(simulator.transfers(order.reference())).singleElement()
                .satisfies(t -> assertThat(t).containsEntry("provider", "PAYSTACK"));
        simulator.resetFaults();
        assertThat(providers.status(ProviderName.PAYSTACK, order.reference()).block().state())
                .isIn(ProviderState.PENDING, ProviderState.SUCCEEDED);
    }

    @Test
    void aRefusalAfterAnAmbiguousAttemptStillReportsTheTransferTheProviderHolds() {
        // Attempt 1: Flutterwave queues the transfer but answers 500. Attempt 2: refused with 400 before processing.
        simulator.fault(Map.of("provider", "FLUTTERWAVE", "operation", "TRANSFER", "status", 400, "times", 1));
        simulator.fault(Map.of("provider", "FLUTTERWAVE", "operation", "TRANSFER", "status", 500,
                "afterProcessing", true, "times", 1));
        PayoutOrder order = payout("0123456781", "3000");
        Submission submission = providers.send(order, Optional.of(ProviderName.FLUTTERWAVE)).block();
        assertThat(submission.provider()).isEqualTo(ProviderName.FLUTTERWAVE);
        assertThat(simulator.transfers(order.reference())).singleElement()
                .satisfies(t -> assertThat(t).containsEntry("provider", "FLUTTERWAVE")
                        .containsEntry("id", Integer.valueOf(submission.providerTransferId())));
    }

    @Test
    void aProviderThatCannotBeReachedIsRetriedThenFailedOverWithoutAsking() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ProvidersProperties live = simulator.properties(Duration.ofMillis(500), Duration.ofSeconds(60));
        ProvidersProperties paystackDown = new ProvidersProperties(
                new ProvidersProperties.Paystack(java.net.URI.create("http://127.0.0.1:" + closedPort + "/paystack"),
                        live.paystack().secretKey()),
                live.flutterwave(), live.connectTimeout(), live.readTimeout(), live.breaker(), live.retry());
        RoutedPayoutProviders router = (RoutedPayoutProviders) new ProvidersConfiguration().payoutProviders(paystackDown);

        PayoutOrder order = payout("0123456781", "3000");
        assertThat(router.send(order, Optional.of(ProviderName.PAYSTACK)).block().provider())
                .isEqualTo(ProviderName.FLUTTERWAVE);
        assertThat(router.breaker(ProviderName.PAYSTACK).getMetrics().getNumberOfFailedCalls())
                .as("refused connections are retried: 1 + 3 attempts").isEqualTo(4);
        assertThat(simulator.transfers(order.reference())).singleElement()
                .satisfies(t -> assertThat(t).containsEntry("provider", "FLUTTERWAVE"));
    }

    @Test
    void aRepeatedSendOfOneReferenceReturnsTheTransferAlreadyThere() {
        PayoutOrder order = payout("0123456781", "3000");
        Submission first = providers.send(order, Optional.of(ProviderName.FLUTTERWAVE)).block();
        Submission again = providers.send(order, Optional.of(ProviderName.FLUTTERWAVE)).block();
        assertThat(again.provider()).isEqualTo(ProviderName.FLUTTERWAVE);
        assertThat(again.providerTransferId()).isEqualTo(first.providerTransferId());
        assertThat(simulator.transfers(order.reference())).hasSize(1);
    }

    @Test
    void routingPrefersTheCheaperHealthyProvider() {
        assertThat(providers.choose(ngn("5000"))).as("Paystack NGN 10 < Flutterwave 10.75").isEqualTo(ProviderName.PAYSTACK);
        assertThat(providers.choose(ngn("60000"))).as("50 < 53.75").isEqualTo(ProviderName.PAYSTACK);
        PayoutOrder order = payout("0123456781", "5000");
        assertThat(providers.send(order, Optional.empty()).block().provider()).isEqualTo(ProviderName.PAYSTACK);

        providers.breaker(ProviderName.PAYSTACK).transitionToOpenState();
        assertThat(providers.choose(ngn("5000"))).as("an unhealthy provider loses however cheap")
                .isEqualTo(ProviderName.FLUTTERWAVE);
        providers.breaker(ProviderName.FLUTTERWAVE).transitionToOpenState();
        assertThatThrownBy(() -> providers.choose(ngn("5000"))).isInstanceOf(ProviderUnavailable.class);
        assertThatThrownBy(() -> providers.send(payout("0123456781", "5000"), Optional.empty()).block())
                .isInstanceOf(ProviderUnavailable.class);
    }
}
