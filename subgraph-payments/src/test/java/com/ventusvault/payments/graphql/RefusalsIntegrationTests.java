package com.ventusvault.payments.graphql;

import static com.ventusvault.payments.graphql.PaymentsTestServer.moneyInput;
import static org.assertj.core.api.Assertions.assertThat;

import com.ventusvault.payments.graphql.PaymentsTestServer.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;

/** Refusals are answers too: they are kept under the idempotency key, so a retry gets the same one. */
@PaymentsIntegrationTest
class RefusalsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    DatabaseClient database;

    private long refusalsOf(UUID user) {
        return database.sql("select count(*) from refused_request where initiator_id = :user").bind("user", user)
                .map(row -> row.get(0, Long.class)).one().block();
    }

    @Test
    void aRetryOfARefusedRequestGetsTheSameRefusalEvenAfterTheWalletWasFunded() {
        User alice = PaymentsTestServer.newUser(port);
        User bob = PaymentsTestServer.newUser(port);
        String aliceUsd = alice.openWallet("USD");
        String bobUsd = bob.openWallet("USD");
        alice.deposit(aliceUsd, "5");

        String message = alice.sendMoney(moneyInput(aliceUsd, bobUsd, null, "10", "rent")).errors().verify()
                .path("sendMoney.transfer").valueIsNull()
                .path("sendMoney.userErrors[0].code").entity(String.class).isEqualTo("INSUFFICIENT_FUNDS")
                .path("sendMoney.userErrors[0].message").entity(String.class).get();
        alice.deposit(aliceUsd, "100");

        alice.sendMoney(moneyInput(aliceUsd, bobUsd, null, "10.00", "rent")).errors().verify()
                .path("sendMoney.transfer").valueIsNull()
                .path("sendMoney.userErrors[0].code").entity(String.class).isEqualTo("INSUFFICIENT_FUNDS")
                .path("sendMoney.userErrors[0].message").entity(String.class).isEqualTo(message)
                .path("sendMoney.userErrors[0].field").entityList(String.class).containsExactly("input", "amount");
        alice.sendMoney(moneyInput(aliceUsd, bobUsd, null, "9", "rent")).errors().verify()
                .path("sendMoney.transfer").valueIsNull()
                .path("sendMoney.userErrors[0].code").entity(String.class).isEqualTo("IDEMPOTENCY_KEY_REUSED")
                .path("sendMoney.userErrors[0].message").entity(String.class)
                .satisfies(text -> assertThat(text).contains("INSUFFICIENT_FUNDS"));

        assertThat(PaymentsTestServer.balance(database, aliceUsd)).isEqualByComparingTo("105");
        assertThat(PaymentsTestServer.balance(database, bobUsd)).isEqualByComparingTo("0");
        assertThat(PaymentsTestServer.transfersInitiatedBy(database, alice.id())).isEqualTo(2); // the two deposits
        assertThat(refusalsOf(alice.id())).isEqualTo(1);

        // A new key is a new request.
        alice.sendMoney(moneyInput(aliceUsd, bobUsd, null, "10", "rent-2")).errors().verify()
                .path("sendMoney.userErrors").entityList(Object.class).hasSize(0);
        assertThat(PaymentsTestServer.balance(database, bobUsd)).isEqualByComparingTo("10");
    }

    @Test
    void aRecipientWhoSignsUpLaterDoesNotChangeTheAnswerToTheKey() {
        User alice = PaymentsTestServer.newUser(port);
        String usd = alice.openWallet("USD");
        alice.deposit(usd, "50");
        UUID carolId = UUID.randomUUID();
        String carol = "carol-" + carolId + "@example.com";

        alice.sendMoney(moneyInput(usd, null, carol, "10", "to-carol"))
                .path("sendMoney.userErrors[0].code").entity(String.class).isEqualTo("RECIPIENT_NOT_FOUND");
        PaymentsTestServer.ACCOUNTS.register(carol, carolId);

        alice.sendMoney(moneyInput(usd, null, carol, "10", "to-carol"))
                .path("sendMoney.transfer").valueIsNull()
                .path("sendMoney.userErrors[0].code").entity(String.class).isEqualTo("RECIPIENT_NOT_FOUND");
        assertThat(PaymentsTestServer.walletsOf(database, carolId)).isZero();
        assertThat(PaymentsTestServer.balance(database, usd)).isEqualByComparingTo("50");
    }

    @Test
    void aPaymentByEmailRefusedBeforeTheLookupIsRecordedWithoutOpeningTheRecipientsWallet() {
        User alice = PaymentsTestServer.newUser(port);
        User bob = PaymentsTestServer.newUser(port);
        String usd = alice.openWallet("USD");
        alice.deposit(usd, "1");
        String other = PaymentsTestServer.newUser(port).openWallet("USD");
        alice.sendMoney(moneyInput(usd, other, null, "0.99", "drain")).errors().verify()
                .path("sendMoney.userErrors").entityList(Object.class).hasSize(0);

        alice.sendMoney(moneyInput(usd, null, bob.email(), "0.50", "to-bob"))
                .path("sendMoney.userErrors[0].code").entity(String.class).isEqualTo("INSUFFICIENT_FUNDS");
        alice.sendMoney(moneyInput(usd, null, bob.email(), "0.50", "to-bob"))
                .path("sendMoney.userErrors[0].code").entity(String.class).isEqualTo("INSUFFICIENT_FUNDS");

        assertThat(PaymentsTestServer.walletsOf(database, bob.id())).isZero();
        assertThat(refusalsOf(alice.id())).isEqualTo(1);
    }

    @Test
    void concurrentRequestsWithOneKeyGetOneAnswerWhileTheWalletIsBeingFunded() throws Exception {
        for (int round = 0; round < 3; round++) {
            User alice = PaymentsTestServer.newUser(port);
            User bob = PaymentsTestServer.newUser(port);
            String aliceUsd = alice.openWallet("USD");
            String bobUsd = bob.openWallet("USD");
            alice.deposit(aliceUsd, "5");
            int requests = 8;
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> results = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(requests + 1)) {
                for (int i = 0; i < requests; i++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        Map<?, ?> payload = alice.sendMoney(moneyInput(aliceUsd, bobUsd, null, "10", "racing-key")).errors()
                                .verify().path("sendMoney").entity(Map.class).get();
                        return payload.get("transfer") == null ? "refused:" + payload.get("userErrors")
                                : "posted:" + ((Map<?, ?>) payload.get("transfer")).get("id");
                    }));
                }
                Future<?> funding = pool.submit(() -> {
                    start.await();
                    alice.deposit(aliceUsd, "100");
                    return null;
                });
                start.countDown();
                funding.get();
                List<String> answers = new ArrayList<>();
                for (Future<String> result : results) {
                    answers.add(result.get());
                }
                assertThat(answers).hasSize(requests).containsOnly(answers.get(0));
                boolean posted = answers.get(0).startsWith("posted:");
                assertThat(PaymentsTestServer.balance(database, bobUsd)).isEqualByComparingTo(posted ? "10" : "0");
                assertThat(refusalsOf(alice.id())).isEqualTo(posted ? 0 : 1);
                assertThat(PaymentsTestServer.transfersInitiatedBy(database, alice.id())).isEqualTo(posted ? 3 : 2);
            }
        }
    }
}
