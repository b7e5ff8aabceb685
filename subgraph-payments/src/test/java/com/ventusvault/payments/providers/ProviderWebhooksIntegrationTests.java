package com.ventusvault.payments.providers;

import static org.assertj.core.api.Assertions.assertThat;

import com.ventusvault.payments.domain.Currency;
import com.ventusvault.payments.domain.Money;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/**
 * Webhooks exactly as the simulator signs and sends them (after real transfers and charges over HTTP), verified with
 * each provider's scheme: good signatures map to events, bad or missing ones to empty.
 */
class ProviderWebhooksIntegrationTests {

    private static ProviderSimulatorServer simulator;
    private static PayoutProviders providers;
    private static ProviderWebhooks webhooks;

    @BeforeAll
    static void start() {
        simulator = new ProviderSimulatorServer();
        ProvidersProperties properties = simulator.properties(Duration.ofSeconds(2), Duration.ofSeconds(60));
        providers = new ProvidersConfiguration().payoutProviders(properties);
        webhooks = new ProvidersConfiguration().providerWebhooks(properties);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    private record Delivery(HttpHeaders headers, byte[] body) {
    }

    @SuppressWarnings("unchecked")
    private static Delivery delivered(String reference) throws InterruptedException {
        Map<String, Object> delivery = simulator.webhook(reference);
        HttpHeaders headers = new HttpHeaders();
        ((Map<String, String>) delivery.get("headers")).forEach(headers::set);
        headers.set(HttpHeaders.CONTENT_TYPE, "application/json");
        return new Delivery(headers, ((String) delivery.get("body")).getBytes(StandardCharsets.UTF_8));
    }

    private static String send(ProviderName provider, String account) {
        String reference = UUID.randomUUID().toString();
        providers.send(new PayoutOrder(reference, Money.of("1500", Currency.NGN), "044", account, "", "payout"),
                Optional.of(provider)).block();
        return reference;
    }

    private static HttpHeaders only(HttpHeaders headers, String name, String value) {
        HttpHeaders copy = new HttpHeaders();
        copy.set(HttpHeaders.CONTENT_TYPE, "application/json");
        if (value != null) {
            copy.set(name, value);
        }
        return copy;
    }

    @Test
    void paystackSignatureIsAcceptedAndMapsTheTransferOutcome() throws InterruptedException {
        String reference = send(ProviderName.PAYSTACK, "0123456781");
        Delivery delivery = delivered(reference);

        ProviderEvent event = accepted(webhooks.verify(ProviderName.PAYSTACK, delivery.headers(), delivery.body()));
        assertThat(event.type()).isEqualTo(ProviderEventType.PAYOUT_SUCCEEDED);
        assertThat(event.reference()).isEqualTo(reference);
        assertThat(event.provider()).isEqualTo(ProviderName.PAYSTACK);
        assertThat(accepted(webhooks.verify(ProviderName.PAYSTACK, delivery.headers(), delivery.body())).eventId())
                .as("a replay carries the same event id").isEqualTo(event.eventId());

        String failing = send(ProviderName.PAYSTACK, "0123456789");
        Delivery failed = delivered(failing);
        assertThat(accepted(webhooks.verify(ProviderName.PAYSTACK, failed.headers(), failed.body())))
                .satisfies(e -> {
                    assertThat(e.type()).isEqualTo(ProviderEventType.PAYOUT_FAILED);
                    assertThat(e.reason()).contains("rejected");
                });
    }

    @Test
    void paystackBadOrMissingSignaturesAreRejected() throws InterruptedException {
        String reference = send(ProviderName.PAYSTACK, "0123456781");
        Delivery delivery = delivered(reference);
        byte[] tampered = new String(delivery.body(), StandardCharsets.UTF_8).replace("150000", "950000")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(tampered).isNotEqualTo(delivery.body());

        assertThat(webhooks.verify(ProviderName.PAYSTACK, delivery.headers(), tampered)).isInstanceOf(WebhookVerification.Rejected.class);
        assertThat(webhooks.verify(ProviderName.PAYSTACK, only(delivery.headers(), "x-paystack-signature", null),
                delivery.body())).isInstanceOf(WebhookVerification.Rejected.class);
        assertThat(webhooks.verify(ProviderName.PAYSTACK, only(delivery.headers(), "x-paystack-signature", "00ff"),
                delivery.body())).isInstanceOf(WebhookVerification.Rejected.class);
        assertThat(webhooks.verify(ProviderName.FLUTTERWAVE, delivery.headers(), delivery.body())).as("a Paystack signature means nothing to the Flutterwave endpoint")
                .isInstanceOf(WebhookVerification.Rejected.class);
    }

    @Test
    void flutterwaveAcceptsEitherSchemeAndRejectsWrongOnes() throws InterruptedException {
        String reference = send(ProviderName.FLUTTERWAVE, "0123456789");
        Delivery delivery = delivered(reference);
        String signature = delivery.headers().getFirst("flutterwave-signature");
        String hash = delivery.headers().getFirst("verif-hash");

        ProviderEvent event = accepted(webhooks.verify(ProviderName.FLUTTERWAVE, delivery.headers(), delivery.body()));
        assertThat(event.type()).isEqualTo(ProviderEventType.PAYOUT_FAILED);
        assertThat(event.reference()).isEqualTo(reference);
        assertThat(webhooks.verify(ProviderName.FLUTTERWAVE, only(delivery.headers(), "verif-hash", hash),
                delivery.body())).as("verif-hash alone").isInstanceOf(WebhookVerification.Accepted.class);
        assertThat(webhooks.verify(ProviderName.FLUTTERWAVE, only(delivery.headers(), "flutterwave-signature", signature),
                delivery.body())).as("flutterwave-signature alone").isInstanceOf(WebhookVerification.Accepted.class);

        assertThat(webhooks.verify(ProviderName.FLUTTERWAVE, only(delivery.headers(), "verif-hash", "guess"),
                delivery.body())).isInstanceOf(WebhookVerification.Rejected.class);
        assertThat(webhooks.verify(ProviderName.FLUTTERWAVE, only(delivery.headers(), "flutterwave-signature", signature),
                (new String(delivery.body(), StandardCharsets.UTF_8) + " ").getBytes(StandardCharsets.UTF_8)))
                .as("the HMAC covers the raw body").isInstanceOf(WebhookVerification.Rejected.class);
        assertThat(webhooks.verify(ProviderName.FLUTTERWAVE, new HttpHeaders(), delivery.body())).isInstanceOf(WebhookVerification.Rejected.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void chargeAndReversalEventsMapToTheirTypes() throws InterruptedException {
        String paystackCharge = UUID.randomUUID().toString();
        providers.startCharge(new ChargeOrder(paystackCharge, Money.of("2000", Currency.NGN), "ada@example.com"),
                ProviderName.PAYSTACK).block();
        Delivery charged = delivered(paystackCharge);
        assertThat(accepted(webhooks.verify(ProviderName.PAYSTACK, charged.headers(), charged.body())).type())
                .isEqualTo(ProviderEventType.CHARGE_SUCCEEDED);

        String flutterwaveCharge = UUID.randomUUID().toString();
        providers.startCharge(new ChargeOrder(flutterwaveCharge, Money.of("2000", Currency.NGN), "ada@example.com"),
                ProviderName.FLUTTERWAVE).block();
        Delivery paid = delivered(flutterwaveCharge);
        assertThat(accepted(webhooks.verify(ProviderName.FLUTTERWAVE, paid.headers(), paid.body())))
                .satisfies(e -> {
                    assertThat(e.type()).isEqualTo(ProviderEventType.CHARGE_SUCCEEDED);
                    assertThat(e.reference()).isEqualTo(flutterwaveCharge);
                });

        String reversed = send(ProviderName.PAYSTACK, "0123456781");
        delivered(reversed);
        for (int i = 0; i < 100 && providers.status(ProviderName.PAYSTACK, reversed).block().state() == ProviderState.PENDING; i++) {
            Thread.sleep(20);
        }
        simulator.reverse("PAYSTACK", reversed);
        Map<String, Object> reversal = simulator.webhook(reversed, "transfer.reversed");
        HttpHeaders headers = new HttpHeaders();
        ((Map<String, String>) reversal.get("headers")).forEach(headers::set);
        assertThat(accepted(webhooks.verify(ProviderName.PAYSTACK, headers,
                ((String) reversal.get("body")).getBytes(StandardCharsets.UTF_8))))
                .satisfies(e -> {
                    assertThat(e.type()).isEqualTo(ProviderEventType.PAYOUT_REVERSED);
                    assertThat(e.reference()).isEqualTo(reversed);
                });
    }

    @Test
    void correctlySignedEventsWeDoNotActOnAreIgnoredNotRejected() {
        byte[] paystackKind = "{\"event\":\"customeridentification.success\",\"data\":{\"reference\":\"x\"}}"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(webhooks.verify(ProviderName.PAYSTACK, paystackSigned(paystackKind), paystackKind))
                .isEqualTo(new WebhookVerification.Ignored("customeridentification.success",
                        "not an event we act on (status '')"));
        byte[] notJson = "not json".getBytes(StandardCharsets.UTF_8);
        assertThat(webhooks.verify(ProviderName.PAYSTACK, paystackSigned(notJson), notJson))
                .isInstanceOf(WebhookVerification.Ignored.class);
        assertThat(webhooks.verify(ProviderName.PAYSTACK, only(paystackSigned(notJson), "x-paystack-signature", "00"),
                notJson)).isInstanceOf(WebhookVerification.Rejected.class);

        HttpHeaders flutterwave = only(new HttpHeaders(), "verif-hash", "ventus-simulator-hash");
        byte[] pending = "{\"event\":\"transfer.completed\",\"data\":{\"id\":1,\"reference\":\"x\",\"status\":\"NEW\"}}"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(webhooks.verify(ProviderName.FLUTTERWAVE, flutterwave, pending))
                .isInstanceOf(WebhookVerification.Ignored.class);
        assertThat(webhooks.verify(ProviderName.FLUTTERWAVE, flutterwave, notJson))
                .isInstanceOf(WebhookVerification.Ignored.class);
        assertThat(webhooks.verify(ProviderName.FLUTTERWAVE, new HttpHeaders(), pending))
                .isInstanceOf(WebhookVerification.Rejected.class);
    }

    private static HttpHeaders paystackSigned(byte[] body) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA512");
            mac.init(new javax.crypto.spec.SecretKeySpec("sk_test_ventus_simulator".getBytes(StandardCharsets.UTF_8),
                    "HmacSHA512"));
            return only(new HttpHeaders(), "x-paystack-signature", java.util.HexFormat.of().formatHex(mac.doFinal(body)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProviderEvent accepted(WebhookVerification verification) {
        assertThat(verification).isInstanceOf(WebhookVerification.Accepted.class);
        return ((WebhookVerification.Accepted) verification).event();
    }
}
