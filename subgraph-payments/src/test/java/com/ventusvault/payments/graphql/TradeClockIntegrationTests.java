package com.ventusvault.payments.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.ventusvault.payments.graphql.PaymentsTestServer.User;
import com.ventusvault.platform.security.ServiceSignature;
import com.ventusvault.platform.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /internal/trades} on payments' clock (the platform's {@link MutableClock}): a quote that expired by
 * payments' clock is QUOTE_EXPIRED whatever the sender's clock said, and a signature older than five minutes by that
 * clock is refused.
 */
@PaymentsIntegrationTest
@TestPropertySource(properties = {"ventus.payments.holds.sweep-interval=1h",
        "ventus.payments.limits.currencies.EUR.per-transfer=100", "ventus.payments.limits.currencies.EUR.daily=250"})
@Import({MutableClock.Configuration.class, HoldEvents.class}) // same context as HoldsIntegrationTests
class TradeClockIntegrationTests {

    /** Tokens outlive the clock moves of this context (the server clock only ever moves forward). */
    private static final Duration TOKEN_LIFETIME = Duration.ofDays(30);

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    DatabaseClient database;

    @Value("${ventus.internal.secret}")
    String secret;

    @Test
    void aQuoteExpiredOnPaymentsClockIsRefusedAndRecordedThoughTheSenderThoughtItValid() {
        User trader = PaymentsTestServer.newUser(port, TOKEN_LIFETIME);
        String usd = trader.openWallet("USD");
        trader.deposit(usd, "20.00");
        String expiring = TradeInstructions.instruction(UUID.randomUUID(), UUID.randomUUID(), trader.id(), "5.00", "USD",
                "3.95", "GBP", "0.03", clock.instant().plusSeconds(30));

        clock.advance(Duration.ofSeconds(31));
        String answer = send(expiring);
        JsonNode refused = TradeInstructions.JSON.readTree(answer);
        assertThat(refused.path("status").asString()).isEqualTo("FAILED");
        assertThat(refused.path("failure").path("code").asString()).isEqualTo("QUOTE_EXPIRED");
        assertThat(refused.path("sellTransferId").isNull()).isTrue();
        assertThat(send(expiring)).as("recorded: the same answer again").isEqualTo(answer);
        assertThat(PaymentsTestServer.balance(database, usd)).isEqualByComparingTo("20.00");

        String fresh = TradeInstructions.instruction(UUID.randomUUID(), UUID.randomUUID(), trader.id(), "5.00", "USD",
                "3.95", "GBP", "0.03", clock.instant().plusSeconds(30));
        assertThat(TradeInstructions.JSON.readTree(send(fresh)).path("status").asString()).isEqualTo("COMPLETED");
        assertThat(PaymentsTestServer.balance(database, usd)).isEqualByComparingTo("14.97");
    }

    @Test
    void aSignatureOlderThanFiveMinutesOnPaymentsClockIsUnauthorized() {
        User trader = PaymentsTestServer.newUser(port, TOKEN_LIFETIME);
        String usd = trader.openWallet("USD");
        trader.deposit(usd, "20.00");
        byte[] body = TradeInstructions.instruction(UUID.randomUUID(), UUID.randomUUID(), trader.id(), "1.00", "USD",
                "0.79", "GBP", "0.01", clock.instant().plusSeconds(600)).getBytes(StandardCharsets.UTF_8);

        TradeInstructions.post(port, body, signedAgo(Duration.ofMinutes(6)).sign(body)).expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("UNAUTHENTICATED");
        assertThat(PaymentsTestServer.balance(database, usd)).isEqualByComparingTo("20.00");
        TradeInstructions.post(port, body, signedAgo(Duration.ofMinutes(4)).sign(body)).expectStatus().isOk();
        assertThat(PaymentsTestServer.balance(database, usd)).isEqualByComparingTo("18.99");
    }

    private String send(String body) {
        return TradeInstructions.send(port, body, signedAgo(Duration.ZERO)).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    /** Markets' signer, its clock {@code age} behind payments' clock. */
    private ServiceSignature signedAgo(Duration age) {
        return new ServiceSignature(secret, Clock.fixed(clock.instant().minus(age), ZoneOffset.UTC), Duration.ofMinutes(5));
    }
}
