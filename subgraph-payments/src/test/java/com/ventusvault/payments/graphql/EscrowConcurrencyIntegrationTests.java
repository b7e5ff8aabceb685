package com.ventusvault.payments.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.ventusvault.payments.graphql.PaymentsTestServer.User;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Escrow under concurrency and the ledger's books: a release and a cancel racing resolve the escrow once and move the
 * money once; concurrent creates with one key create one escrow; the journal stays zero-sum and ESCROW_HOLDING holds
 * exactly what the HELD escrows hold.
 */
@PaymentsIntegrationTest
class EscrowConcurrencyIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    DatabaseClient database;

    @RepeatedTest(3)
    void aRacingReleaseAndCancelResolveOnceAndMoveTheMoneyOnce() throws Exception {
        User payer = PaymentsTestServer.newUser(port);
        User payee = PaymentsTestServer.newUser(port);
        String payerWallet = payer.openWallet("USD");
        String payeeWallet = payee.openWallet("USD");
        payer.deposit(payerWallet, "100");
        String id = payer.createEscrow(payerWallet, payeeWallet, "40", UUID.randomUUID().toString());
        BigDecimal holding = PaymentsTestServer.systemBalance(database, "ESCROW_HOLDING", "USD");
        BigDecimal revenue = PaymentsTestServer.systemBalance(database, "FEE_REVENUE", "USD");

        int requests = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Map<String, Object>>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(requests)) {
            for (int i = 0; i < requests; i++) {
                String mutation = i % 2 == 0 ? "releaseEscrow" : "cancelEscrow";
                User who = i % 4 == 1 ? payee : payer;
                Callable<Map<String, Object>> call = () -> {
                    start.await();
                    Map<String, Object> answer = new HashMap<>(who.api().documentName(mutation).variable("id", id)
                            .execute().errors().verify().path(mutation).entity(Map.class).get());
                    answer.put("mutation", mutation);
                    return answer;
                };
                results.add(pool.submit(call));
            }
            start.countDown();
            Set<String> statuses = new HashSet<>();
            for (Future<Map<String, Object>> result : results) {
                Map<String, Object> answer = result.get();
                Map<?, ?> escrow = (Map<?, ?>) answer.get("escrow");
                statuses.add(String.valueOf(escrow.get("status")));
                List<?> errors = (List<?>) answer.get("userErrors");
                boolean won = escrow.get("status").equals(answer.get("mutation").equals("releaseEscrow") ? "RELEASED" : "CANCELLED");
                if (won) {
                    assertThat(errors).isEmpty();
                } else {
                    assertThat(errors).singleElement().satisfies(error ->
                            assertThat(((Map<?, ?>) error).get("code")).isEqualTo("ESCROW_ALREADY_RESOLVED"));
                }
            }
            assertThat(statuses).hasSize(1);
        }

        String status = database.sql("select status from escrow where id = :id").bind("id", UUID.fromString(id))
                .map(row -> row.get(0, String.class)).one().block();
        assertThat(count("select count(*) from transfer where initiator_id = '" + id + "'")).isEqualTo(1);
        assertThat(count("select count(*) from escrow where id = '" + id + "' and resolved_by = '"
                + (status.equals("RELEASED") ? payer.id() : "00000000-0000-0000-0000-000000000000") + "'"))
                .isEqualTo(status.equals("RELEASED") ? 1 : 0);
        BigDecimal fee = new BigDecimal("0.20"); // 0.5% of 40
        if (status.equals("RELEASED")) {
            assertThat(PaymentsTestServer.balance(database, payerWallet)).isEqualByComparingTo("59.80");
            assertThat(PaymentsTestServer.balance(database, payeeWallet)).isEqualByComparingTo("40");
            assertThat(PaymentsTestServer.systemBalance(database, "FEE_REVENUE", "USD")).isEqualByComparingTo(revenue.add(fee));
        } else {
            assertThat(status).isEqualTo("CANCELLED");
            assertThat(PaymentsTestServer.balance(database, payerWallet)).isEqualByComparingTo("100");
            assertThat(PaymentsTestServer.balance(database, payeeWallet)).isEqualByComparingTo("0");
            assertThat(PaymentsTestServer.systemBalance(database, "FEE_REVENUE", "USD")).isEqualByComparingTo(revenue);
        }
        assertThat(PaymentsTestServer.systemBalance(database, "ESCROW_HOLDING", "USD"))
                .isEqualByComparingTo(holding.subtract(new BigDecimal("40.20")));
        assertBooksBalance();
    }

    @Test
    void concurrentCreatesWithOneKeyCreateOneEscrow() throws Exception {
        User payer = PaymentsTestServer.newUser(port);
        User payee = PaymentsTestServer.newUser(port);
        String payerWallet = payer.openWallet("USD");
        String payeeWallet = payee.openWallet("USD");
        payer.deposit(payerWallet, "100");
        int requests = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(requests)) {
            for (int i = 0; i < requests; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return payer.createEscrow(payerWallet, payeeWallet, "30", "one-key");
                }));
            }
            start.countDown();
            Set<String> ids = new HashSet<>();
            for (Future<String> result : results) {
                ids.add(result.get());
            }
            assertThat(ids).hasSize(1);
        }
        assertThat(count("select count(*) from escrow where payer_wallet_id = '" + payerWallet + "'")).isEqualTo(1);
        assertThat(PaymentsTestServer.balance(database, payerWallet)).isEqualByComparingTo("69.85");
        assertBooksBalance();
    }

    @Test
    void releasesAreNotOutgoingPaymentsOfTheHoldingSoNoDailyLimitStopsThem() {
        // USD wallets may send 25000 a day; three payers escrow 9000 each, 27000 leaves holding in one day.
        User payee = PaymentsTestServer.newUser(port);
        String payeeWallet = payee.openWallet("USD");
        for (int i = 0; i < 3; i++) {
            User payer = PaymentsTestServer.newUser(port);
            String payerWallet = payer.openWallet("USD");
            payer.deposit(payerWallet, "9100");
            String id = payer.createEscrow(payerWallet, payeeWallet, "9000", UUID.randomUUID().toString());
            payer.api().documentName("releaseEscrow").variable("id", id).execute().errors().verify()
                    .path("releaseEscrow.userErrors").entityList(Object.class).hasSize(0)
                    .path("releaseEscrow.escrow.status").entity(String.class).isEqualTo("RELEASED")
                    .path("releaseEscrow.escrow.resolution.from").valueIsNull();
        }
        assertThat(PaymentsTestServer.balance(database, payeeWallet)).isEqualByComparingTo("27000");
        assertBooksBalance();
    }

    /**
     * The books: every transfer's entries sum to zero, every currency sums to zero over all accounts, cached balances
     * equal their journals, no wallet is negative, and each ESCROW_HOLDING holds exactly amount + fee of its HELD escrows.
     */
    private void assertBooksBalance() {
        assertThat(count("select count(*) from (select transfer_id from journal_entry group by transfer_id "
                + "having sum(amount) <> 0) unbalanced")).isZero();
        assertThat(count("select count(*) from (select currency from ledger_account group by currency "
                + "having sum(balance) <> 0) nonzero")).isZero();
        assertThat(count("select count(*) from ledger_account a where a.balance <> "
                + "(select coalesce(sum(j.amount), 0) from journal_entry j where j.account_id = a.id)")).isZero();
        assertThat(count("select count(*) from ledger_account where kind = 'USER_WALLET' and balance < 0")).isZero();
        assertThat(count("select count(*) from ledger_account h where h.kind = 'ESCROW_HOLDING' and h.balance <> "
                + "(select coalesce(sum(e.amount + e.fee), 0) from escrow e where e.currency = h.currency "
                + "and e.status = 'HELD')")).isZero();
    }

    private long count(String sql) {
        return database.sql(sql).map(row -> row.get(0, Long.class)).one().block();
    }
}
