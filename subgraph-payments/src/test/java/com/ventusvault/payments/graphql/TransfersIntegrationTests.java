package com.ventusvault.payments.graphql;

import static com.ventusvault.payments.graphql.PaymentsTestServer.moneyInput;
import static org.assertj.core.api.Assertions.assertThat;

import com.ventusvault.payments.graphql.PaymentsTestServer.User;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;

@PaymentsIntegrationTest
class TransfersIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    DatabaseClient database;

    @Test
    void depositMovesMoneyFromTheDemoBankIntoTheWallet() {
        User alice = PaymentsTestServer.newUser(port);
        String usd = alice.openWallet("USD");
        BigDecimal bankBefore = PaymentsTestServer.systemBalance(database, "DEMO_BANK", "USD");

        alice.api().documentName("deposit").variable("input", Map.of("walletId", usd, "amount", "100",
                        "idempotencyKey", "dep-1")).execute().errors().verify()
                .path("deposit.userErrors").entityList(Object.class).hasSize(0)
                .path("deposit.transfer.kind").entity(String.class).isEqualTo("DEPOSIT")
                .path("deposit.transfer.status").entity(String.class).isEqualTo("COMPLETED")
                .path("deposit.transfer.amount").entity(Map.class).isEqualTo(Map.of("amount", "100.00", "currency", "USD"))
                .path("deposit.transfer.fee.amount").entity(String.class).isEqualTo("0.00")
                .path("deposit.transfer.from").valueIsNull()
                .path("deposit.transfer.to.id").entity(String.class).isEqualTo(usd);

        assertThat(PaymentsTestServer.balance(database, usd)).isEqualByComparingTo("100");
        assertThat(PaymentsTestServer.systemBalance(database, "DEMO_BANK", "USD"))
                .isEqualByComparingTo(bankBefore.subtract(new BigDecimal("100")));
    }

    @Test
    void sendsByWalletIdWithTheFeeOnTopCreditedToFeeRevenue() {
        User alice = PaymentsTestServer.newUser(port);
        User bob = PaymentsTestServer.newUser(port);
        String aliceUsd = alice.openWallet("USD");
        String bobUsd = bob.openWallet("USD");
        alice.deposit(aliceUsd, "100");
        BigDecimal feesBefore = PaymentsTestServer.systemBalance(database, "FEE_REVENUE", "USD");

        Map<String, Object> input = moneyInput(aliceUsd, bobUsd, null, "10.10", UUID.randomUUID().toString());
        input.put("note", "lunch");
        String id = alice.sendMoney(input).errors().verify()
                .path("sendMoney.userErrors").entityList(Object.class).hasSize(0)
                .path("sendMoney.transfer.kind").entity(String.class).isEqualTo("P2P")
                .path("sendMoney.transfer.status").entity(String.class).isEqualTo("COMPLETED")
                .path("sendMoney.transfer.note").entity(String.class).isEqualTo("lunch")
                .path("sendMoney.transfer.createdAt").entity(String.class).satisfies(at -> assertThat(at).endsWith("Z"))
                .path("sendMoney.transfer.amount").entity(Map.class).isEqualTo(Map.of("amount", "10.10", "currency", "USD"))
                // 0.5% of 10.10 = 0.0505, rounded UP to cents = 0.06
                .path("sendMoney.transfer.fee").entity(Map.class).isEqualTo(Map.of("amount", "0.06", "currency", "USD"))
                .path("sendMoney.transfer.from.id").entity(String.class).isEqualTo(aliceUsd)
                .path("sendMoney.transfer.from.balance.amount").entity(String.class).isEqualTo("89.84")
                .path("sendMoney.transfer.to.id").entity(String.class).isEqualTo(bobUsd)
                .path("sendMoney.transfer.to.owner.id").entity(String.class).isEqualTo(bob.id().toString())
                .path("sendMoney.transfer.id").entity(String.class).get();

        assertThat(PaymentsTestServer.balance(database, aliceUsd)).isEqualByComparingTo("89.84");
        assertThat(PaymentsTestServer.balance(database, bobUsd)).isEqualByComparingTo("10.10");
        assertThat(PaymentsTestServer.systemBalance(database, "FEE_REVENUE", "USD"))
                .isEqualByComparingTo(feesBefore.add(new BigDecimal("0.06")));

        // Both parties see the transfer; a stranger does not, and the payer does not see the payee's balance.
        bob.api().documentName("transfer").variable("id", id).execute().path("transfer.fee.amount").entity(String.class)
                .isEqualTo("0.06");
        PaymentsTestServer.newUser(port).api().documentName("transfer").variable("id", id).execute()
                .path("transfer").valueIsNull();
        alice.api().documentName("recipientBalance").variable("id", id).execute().errors()
                .expect(error -> "FORBIDDEN".equals(error.getExtensions().get("code"))).verify()
                .path("transfer.to").valueIsNull();
        alice.api().documentName("transferEntities").variable("representations",
                        List.of(Map.of("__typename", "Transfer", "id", id))).execute().errors().verify()
                .path("_entities[0].kind").entity(String.class).isEqualTo("P2P");
    }

    @Test
    void sendsByEmailThroughAccountsForwardingTheCallersToken() {
        User alice = PaymentsTestServer.newUser(port);
        User bob = PaymentsTestServer.newUser(port);
        String aliceEth = alice.openWallet("ETH");
        alice.deposit(aliceEth, "2");
        int callsBefore = PaymentsTestServer.ACCOUNTS.authorizations.size();

        String to = alice.sendMoney(moneyInput(aliceEth, null, bob.email().toUpperCase(), "1.000000000000000001", "k1"))
                .errors().verify()
                .path("sendMoney.transfer.amount.amount").entity(String.class).isEqualTo("1.000000000000000001")
                // 0.5% of 1.000000000000000001 = 0.005000000000000000005, rounded UP to wei
                .path("sendMoney.transfer.fee.amount").entity(String.class).isEqualTo("0.005000000000000001")
                .path("sendMoney.transfer.to.owner.id").entity(String.class).isEqualTo(bob.id().toString())
                .path("sendMoney.transfer.to.id").entity(String.class).get();

        assertThat(PaymentsTestServer.ACCOUNTS.authorizations.subList(callsBefore,
                PaymentsTestServer.ACCOUNTS.authorizations.size())).contains("Bearer " + alice.token());
        assertThat(to).isEqualTo(bob.openWallet("ETH"));
        assertThat(PaymentsTestServer.balance(database, to)).isEqualByComparingTo("1.000000000000000001");
        assertThat(PaymentsTestServer.balance(database, aliceEth)).isEqualByComparingTo("0.994999999999999998");
    }

    @Test
    void refusesAnEmailNoUserHas() {
        User alice = PaymentsTestServer.newUser(port);
        String usd = alice.openWallet("USD");
        alice.deposit(usd, "10");

        alice.sendMoney(moneyInput(usd, null, "nobody-" + UUID.randomUUID() + "@example.com", "1", "k"))
                .path("sendMoney.transfer").valueIsNull()
                .path("sendMoney.userErrors[0].code").entity(String.class).isEqualTo("RECIPIENT_NOT_FOUND")
                .path("sendMoney.userErrors[0].field").entityList(String.class).containsExactly("input", "toEmail");
    }

    @Test
    void replayingAKeyReturnsTheOriginalTransferAndMovesNothingTwice() {
        User alice = PaymentsTestServer.newUser(port);
        User bob = PaymentsTestServer.newUser(port);
        String aliceUsd = alice.openWallet("USD");
        String bobUsd = bob.openWallet("USD");
        alice.deposit(aliceUsd, "50");

        String first = alice.sendMoney(moneyInput(aliceUsd, bobUsd, null, "20", "pay-bob")).path("sendMoney.transfer.id")
                .entity(String.class).get();
        String replay = alice.sendMoney(moneyInput(aliceUsd, bobUsd, null, "20.00", "pay-bob")).errors().verify()
                .path("sendMoney.userErrors").entityList(Object.class).hasSize(0)
                .path("sendMoney.transfer.id").entity(String.class).get();

        assertThat(replay).isEqualTo(first);
        assertThat(PaymentsTestServer.balance(database, aliceUsd)).isEqualByComparingTo("29.90");
        assertThat(PaymentsTestServer.balance(database, bobUsd)).isEqualByComparingTo("20");
        assertThat(PaymentsTestServer.journalEntriesOf(database, bobUsd)).isEqualTo(1);

        alice.sendMoney(moneyInput(aliceUsd, bobUsd, null, "21", "pay-bob"))
                .path("sendMoney.transfer").valueIsNull()
                .path("sendMoney.userErrors[0].code").entity(String.class).isEqualTo("IDEMPOTENCY_KEY_REUSED")
                .path("sendMoney.userErrors[0].field").entityList(String.class).containsExactly("input", "idempotencyKey");
        assertThat(PaymentsTestServer.balance(database, bobUsd)).isEqualByComparingTo("20");

        // The key belongs to its user: another user may use the same key for their own payment.
        String bobToAlice = bob.sendMoney(moneyInput(bobUsd, aliceUsd, null, "1", "pay-bob")).errors().verify()
                .path("sendMoney.transfer.id").entity(String.class).get();
        assertThat(bobToAlice).isNotEqualTo(first);
    }

    @Test
    void concurrentRequestsWithOneKeyPostOnce() throws Exception {
        User alice = PaymentsTestServer.newUser(port);
        User bob = PaymentsTestServer.newUser(port);
        String aliceUsd = alice.openWallet("USD");
        String bobUsd = bob.openWallet("USD");
        alice.deposit(aliceUsd, "100");
        int requests = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(requests)) {
            for (int i = 0; i < requests; i++) {
                Callable<String> call = () -> {
                    start.await();
                    return alice.sendMoney(moneyInput(aliceUsd, bobUsd, null, "10", "same-key")).errors().verify()
                            .path("sendMoney.transfer.id").entity(String.class).get();
                };
                results.add(pool.submit(call));
            }
            start.countDown();
            List<String> ids = new ArrayList<>();
            for (Future<String> result : results) {
                ids.add(result.get());
            }
            assertThat(ids).hasSize(requests).containsOnly(ids.get(0));
        }
        assertThat(PaymentsTestServer.balance(database, bobUsd)).isEqualByComparingTo("10");
        assertThat(PaymentsTestServer.balance(database, aliceUsd)).isEqualByComparingTo("89.95");
        assertThat(PaymentsTestServer.transfersInitiatedBy(database, alice.id())).isEqualTo(2); // deposit + one send
    }

    @Test
    void insufficientFundsWritesNothing() {
        User alice = PaymentsTestServer.newUser(port);
        User bob = PaymentsTestServer.newUser(port);
        String aliceUsd = alice.openWallet("USD");
        String bobUsd = bob.openWallet("USD");
        alice.deposit(aliceUsd, "10");

        // 10.00 + 0.05 fee > 10.00
        alice.sendMoney(moneyInput(aliceUsd, bobUsd, null, "10", "too-much"))
                .path("sendMoney.transfer").valueIsNull()
                .path("sendMoney.userErrors[0].code").entity(String.class).isEqualTo("INSUFFICIENT_FUNDS")
                .path("sendMoney.userErrors[0].message").entity(String.class)
                .satisfies(message -> assertThat(message).contains("10.05 USD").contains("0.05 USD"));

        assertThat(PaymentsTestServer.balance(database, aliceUsd)).isEqualByComparingTo("10");
        assertThat(PaymentsTestServer.transfersInitiatedBy(database, alice.id())).isEqualTo(1);
        assertThat(PaymentsTestServer.journalEntriesOf(database, bobUsd)).isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "10.123 | USD amounts have at most 2 decimal places, got 10.123",
            "-5     | Amount must be greater than zero, got -5",
            "0      | Amount must be greater than zero, got 0",
            "0.000  | Amount must be greater than zero, got 0.000"})
    void refusesMalformedAmountsAsBadRequestWritingNothing(String amount, String message) {
        User alice = PaymentsTestServer.newUser(port);
        User bob = PaymentsTestServer.newUser(port);
        String aliceUsd = alice.openWallet("USD");
        String bobUsd = bob.openWallet("USD");
        alice.deposit(aliceUsd, "100");

        for (GraphQlTester.Response response : List.of(
                alice.sendMoney(moneyInput(aliceUsd, bobUsd, null, amount, "bad")),
                alice.api().documentName("deposit").variable("input", Map.of("walletId", aliceUsd, "amount", amount,
                        "idempotencyKey", "bad-deposit")).execute())) {
            response.errors().satisfy(errors -> {
                assertThat(errors).hasSize(1);
                assertThat(errors.get(0).getMessage()).isEqualTo(message);
                assertThat(errors.get(0).getExtensions()).containsEntry("code", "BAD_REQUEST")
                        .containsEntry("field", List.of("input", "amount"));
            });
        }
        assertThat(PaymentsTestServer.transfersInitiatedBy(database, alice.id())).isEqualTo(1);
        assertThat(PaymentsTestServer.balance(database, aliceUsd)).isEqualByComparingTo("100");
    }

    @Test
    void refusesBothOrNeitherRecipient() {
        User alice = PaymentsTestServer.newUser(port);
        String usd = alice.openWallet("USD");
        for (Map<String, Object> input : List.of(moneyInput(usd, usd, "x@example.com", "1", "k"), moneyInput(usd, null, null, "1", "k"))) {
            alice.sendMoney(input).errors().satisfy(errors -> {
                assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getExtensions()).containsEntry("code", "BAD_REQUEST");
                    assertThat(error.getMessage()).contains("toWalletId").contains("toEmail");
                });
            });
        }
    }

    @Test
    void someoneElsesWalletIsNotFoundAndOtherMistakesAreUserErrors() {
        User alice = PaymentsTestServer.newUser(port);
        User bob = PaymentsTestServer.newUser(port);
        String aliceUsd = alice.openWallet("USD");
        String aliceEur = alice.openWallet("EUR");
        String bobUsd = bob.openWallet("USD");
        bob.deposit(bobUsd, "100");
        alice.deposit(aliceUsd, "100");

        alice.sendMoney(moneyInput(bobUsd, aliceUsd, null, "1", "steal"))
                .path("sendMoney.userErrors[0].code").entity(String.class).isEqualTo("WALLET_NOT_FOUND")
                .path("sendMoney.userErrors[0].field").entityList(String.class).containsExactly("input", "fromWalletId");
        alice.sendMoney(moneyInput(UUID.randomUUID().toString(), aliceUsd, null, "1", "ghost"))
                .path("sendMoney.userErrors[0].code").entity(String.class).isEqualTo("WALLET_NOT_FOUND");
        alice.sendMoney(moneyInput(aliceUsd, UUID.randomUUID().toString(), null, "1", "nowhere"))
                .path("sendMoney.userErrors[0].code").entity(String.class).isEqualTo("WALLET_NOT_FOUND")
                .path("sendMoney.userErrors[0].field").entityList(String.class).containsExactly("input", "toWalletId");
        alice.sendMoney(moneyInput(aliceUsd, aliceUsd, null, "1", "self"))
                .path("sendMoney.userErrors[0].code").entity(String.class).isEqualTo("SAME_WALLET");
        alice.sendMoney(moneyInput(aliceUsd, aliceEur, null, "1", "fx"))
                .path("sendMoney.userErrors[0].code").entity(String.class).isEqualTo("CURRENCY_MISMATCH");
        alice.api().documentName("deposit").variable("input", Map.of("walletId", bobUsd, "amount", "1",
                        "idempotencyKey", "dep-other")).execute()
                .path("deposit.userErrors[0].code").entity(String.class).isEqualTo("WALLET_NOT_FOUND");

        assertThat(PaymentsTestServer.balance(database, bobUsd)).isEqualByComparingTo("100");
        assertThat(PaymentsTestServer.balance(database, aliceUsd)).isEqualByComparingTo("100");
        assertThat(PaymentsTestServer.transfersInitiatedBy(database, alice.id())).isEqualTo(1);
    }

    @Test
    void refusesCallersWithoutAToken() {
        PaymentsTestServer.anonymous(port).documentName("sendMoney")
                .variable("input", moneyInput(UUID.randomUUID().toString(), UUID.randomUUID().toString(), null, "1", "k"))
                .execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "UNAUTHENTICATED")));
    }

    @Test
    void aOneDollarPaymentPaysACentOfFee() {
        User alice = PaymentsTestServer.newUser(port);
        User bob = PaymentsTestServer.newUser(port);
        String aliceUsd = alice.openWallet("USD");
        String bobUsd = bob.openWallet("USD");
        alice.deposit(aliceUsd, "5");

        // 0.5% of 1.00 = 0.005: rounded UP to 0.01, so no payment is free
        alice.sendMoney(moneyInput(aliceUsd, bobUsd, null, "1.00", "one-dollar")).errors().verify()
                .path("sendMoney.transfer.fee.amount").entity(String.class).isEqualTo("0.01");
        assertThat(PaymentsTestServer.balance(database, aliceUsd)).isEqualByComparingTo("3.99");
    }

    @Test
    void anEmptyWalletLearnsNothingAboutWhetherAnEmailHasAnAccount() {
        User alice = PaymentsTestServer.newUser(port);
        User bob = PaymentsTestServer.newUser(port);
        String usd = alice.openWallet("USD");
        int callsBefore = PaymentsTestServer.ACCOUNTS.authorizations.size();

        for (String email : List.of(bob.email(), "nobody-" + UUID.randomUUID() + "@example.com")) {
            alice.sendMoney(moneyInput(usd, null, email, "1", "probe-" + email))
                    .path("sendMoney.transfer").valueIsNull()
                    .path("sendMoney.userErrors[0].code").entity(String.class).isEqualTo("INSUFFICIENT_FUNDS")
                    .path("sendMoney.userErrors[0].field").entityList(String.class).containsExactly("input", "amount");
        }

        assertThat(PaymentsTestServer.ACCOUNTS.authorizations).hasSize(callsBefore);
        assertThat(PaymentsTestServer.walletsOf(database, bob.id())).isZero();
    }

    @Test
    void paymentsRefusedUnderLockLeaveNoRecipientWalletBehind() throws Exception {
        User alice = PaymentsTestServer.newUser(port);
        String usd = alice.openWallet("USD");
        alice.deposit(usd, "10.05");
        List<User> recipients = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            recipients.add(PaymentsTestServer.newUser(port));
        }
        // Each payment passes the unlocked funds check on its own; only one fits, the rest are refused under lock.
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(recipients.size())) {
            for (User recipient : recipients) {
                results.add(pool.submit(() -> {
                    start.await();
                    return alice.sendMoney(moneyInput(usd, null, recipient.email(), "10", UUID.randomUUID().toString()))
                            .errors().verify().path("sendMoney").entity(Map.class).get().toString();
                }));
            }
            start.countDown();
            for (Future<String> result : results) {
                result.get();
            }
        }

        long wallets = 0;
        for (User recipient : recipients) {
            wallets += PaymentsTestServer.walletsOf(database, recipient.id());
        }
        assertThat(wallets).isEqualTo(1);
        assertThat(PaymentsTestServer.balance(database, usd)).isEqualByComparingTo("0");
    }

    @Test
    void accountsRefusingTheForwardedTokenIsUnauthenticated() {
        User alice = PaymentsTestServer.newUser(port);
        String usd = alice.openWallet("USD");
        alice.deposit(usd, "10");

        alice.sendMoney(moneyInput(usd, null, AccountsLookupStub.answering(401), "1", "k401")).errors()
                .satisfy(errors -> assertThat(errors).singleElement().satisfies(error ->
                        assertThat(error.getExtensions()).containsEntry("code", "UNAUTHENTICATED")));
        assertThat(PaymentsTestServer.transfersInitiatedBy(database, alice.id())).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource({"503", "500", "slow"})
    void accountsBeingUnavailableIsAnInternalErrorSayingToRetryWithTheSameKey(String answer) {
        User alice = PaymentsTestServer.newUser(port);
        String usd = alice.openWallet("USD");
        alice.deposit(usd, "10");
        String email = "slow".equals(answer) ? AccountsLookupStub.SLOW : AccountsLookupStub.answering(Integer.parseInt(answer));

        alice.sendMoney(moneyInput(usd, null, email, "1", "k-" + answer)).errors()
                .satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getExtensions()).containsEntry("code", "INTERNAL");
                    assertThat(error.getMessage()).isEqualTo("accounts is unavailable; retry with the same idempotencyKey");
                }));
        assertThat(PaymentsTestServer.transfersInitiatedBy(database, alice.id())).isEqualTo(1);
    }
}
