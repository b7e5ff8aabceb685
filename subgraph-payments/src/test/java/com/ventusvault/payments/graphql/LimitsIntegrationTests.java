package com.ventusvault.payments.graphql;

import com.ventusvault.platform.testing.MutableClock;
import static com.ventusvault.payments.graphql.PaymentsTestServer.moneyInput;
import static org.assertj.core.api.Assertions.assertThat;

import com.ventusvault.payments.graphql.PaymentsTestServer.User;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;

/** LIMIT_EXCEEDED: a per-transfer maximum and a rolling 24 h outgoing limit per wallet, on the server clock. */
@PaymentsIntegrationTest
@TestPropertySource(properties = {"ventus.payments.holds.sweep-interval=1h",
        "ventus.payments.limits.currencies.EUR.per-transfer=100", "ventus.payments.limits.currencies.EUR.daily=250"})
@Import({MutableClock.Configuration.class, HoldEvents.class}) // same context as HoldsIntegrationTests
class LimitsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    DatabaseClient database;

    @Autowired
    MutableClock clock;

    private static GraphQlTester.Response send(User user, String from, String toWallet, String toEmail, String amount,
                                               String key) {
        return user.sendMoney(moneyInput(from, toWallet, toEmail, amount, key));
    }

    private static void sent(GraphQlTester.Response response) {
        response.errors().verify().path("sendMoney.userErrors").entityList(Object.class).hasSize(0);
    }

    private static String limitExceeded(GraphQlTester.Response response) {
        return response.errors().verify()
                .path("sendMoney.transfer").valueIsNull()
                .path("sendMoney.userErrors[0].code").entity(String.class).isEqualTo("LIMIT_EXCEEDED")
                .path("sendMoney.userErrors[0].field").entityList(String.class).containsExactly("input", "amount")
                .path("sendMoney.userErrors[0].message").entity(String.class).get();
    }

    @Test
    void aWalletSendsAtMostThePerTransferMaximumAndTheDailyLimitInAnyRolling24Hours() {
        User alice = PaymentsTestServer.newUser(port, Duration.ofDays(30));
        User bob = PaymentsTestServer.newUser(port, Duration.ofDays(30));
        String aliceEur = alice.openWallet("EUR");
        String bobEur = bob.openWallet("EUR");
        alice.deposit(aliceEur, "1000");

        assertThat(limitExceeded(send(alice, aliceEur, bobEur, null, "100.01", "k1"))).contains("at most 100 EUR");
        sent(send(alice, aliceEur, bobEur, null, "100", "k2"));
        sent(send(alice, aliceEur, bobEur, null, "100", "k3"));
        assertThat(limitExceeded(send(alice, aliceEur, bobEur, null, "50.01", "k4"))).contains("50.00 EUR is left");
        sent(send(alice, aliceEur, bobEur, null, "50", "k5"));
        limitExceeded(send(alice, aliceEur, bobEur, null, "0.01", "k6"));
        assertThat(PaymentsTestServer.balance(database, bobEur)).isEqualByComparingTo("250");

        // Fees do not count against the limit, the money does; incoming money does not count either.
        sent(send(bob, bobEur, aliceEur, null, "100", "b1"));

        clock.advance(Duration.ofHours(23));
        limitExceeded(send(alice, aliceEur, bobEur, null, "1", "k7"));
        clock.advance(Duration.ofHours(1).plusSeconds(1));
        sent(send(alice, aliceEur, bobEur, null, "100", "k8"));
        // 250 received - (100 + 0.50 fee) sent back + 100 received
        assertThat(PaymentsTestServer.balance(database, bobEur)).isEqualByComparingTo("249.50");
        // 1000 - 350 sent - 1.75 fees + 100 from Bob
        assertThat(PaymentsTestServer.balance(database, aliceEur)).isEqualByComparingTo("748.25");
        // The refusal is the key's answer: a retry of k1 is refused again, whatever the window says now.
        limitExceeded(send(alice, aliceEur, bobEur, null, "100.01", "k1"));
    }

    @Test
    void aPaymentByEmailRefusedUnderLockLeavesNoRecipientWalletAndReplaysItsRefusal() {
        User alice = PaymentsTestServer.newUser(port, Duration.ofDays(30));
        User bob = PaymentsTestServer.newUser(port, Duration.ofDays(30));
        String aliceEur = alice.openWallet("EUR");
        alice.deposit(aliceEur, "1000");

        // Passes the unlocked funds check, asks accounts, opens Bob's wallet in the transaction, then the limit
        // (checked under the lock) refuses: the wallet is rolled back, the refusal kept.
        String message = limitExceeded(send(alice, aliceEur, null, bob.email(), "500", "big"));
        assertThat(PaymentsTestServer.walletsOf(database, bob.id())).isZero();
        assertThat(limitExceeded(send(alice, aliceEur, null, bob.email(), "500.00", "big"))).isEqualTo(message);
        assertThat(PaymentsTestServer.walletsOf(database, bob.id())).isZero();
        assertThat(PaymentsTestServer.balance(database, aliceEur)).isEqualByComparingTo("1000");
    }

    @Test
    void otherCurrenciesKeepTheirDefaults() {
        User alice = PaymentsTestServer.newUser(port, Duration.ofDays(30));
        User bob = PaymentsTestServer.newUser(port, Duration.ofDays(30));
        String aliceUsd = alice.openWallet("USD");
        String bobUsd = bob.openWallet("USD");
        alice.deposit(aliceUsd, "30000");

        assertThat(limitExceeded(send(alice, aliceUsd, bobUsd, null, "10000.01", "u1"))).contains("at most 10000 USD");
        sent(send(alice, aliceUsd, bobUsd, null, "10000", "u2"));
        sent(send(alice, aliceUsd, bobUsd, null, "10000", "u3"));
        limitExceeded(send(alice, aliceUsd, bobUsd, null, "5000.01", "u4"));
        sent(send(alice, aliceUsd, bobUsd, null, "5000", "u5"));
    }
}
