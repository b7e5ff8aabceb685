package com.ventusvault.payments.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ventusvault.payments.graphql.PaymentsTestServer.User;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;

/** The small bank invariant: after a burst of concurrent transfers, the ledger still balances to the last unit. */
@PaymentsIntegrationTest
class LedgerInvariantIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    DatabaseClient database;

    @Test
    void journalBalancesAndCachedBalancesMatchItAfterABurstOfConcurrentTransfers() throws Exception {
        List<User> users = new ArrayList<>();
        List<String> wallets = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            User user = PaymentsTestServer.newUser(port);
            String wallet = user.openWallet("USD");
            user.deposit(wallet, "20");
            users.add(user);
            wallets.add(wallet);
        }
        Random random = new Random(42);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Map<String, Object>>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            for (int i = 0; i < 50; i++) {
                int from = random.nextInt(users.size());
                int to = (from + 1 + random.nextInt(users.size() - 1)) % users.size();
                String amountInCents = BigDecimal.valueOf(1 + random.nextInt(900), 2).toPlainString(); // 0.01 .. 9.00
                Map<String, Object> input = new HashMap<>(Map.of("fromWalletId", wallets.get(from),
                        "toWalletId", wallets.get(to), "amount", amountInCents, "idempotencyKey", UUID.randomUUID().toString()));
                User sender = users.get(from);
                results.add(pool.submit(() -> {
                    start.await();
                    return sender.api().documentName("sendMoney").variable("input", input).execute().errors().verify()
                            .path("sendMoney").entity(Map.class).get();
                }));
            }
            start.countDown();
            int posted = 0;
            for (Future<Map<String, Object>> result : results) {
                Map<String, Object> payload = result.get();
                if (payload.get("transfer") != null) {
                    posted++;
                } else {
                    assertThat(payload.get("userErrors").toString()).contains("INSUFFICIENT_FUNDS");
                }
            }
            assertThat(posted).isPositive();
        }

        assertThat(database.sql("select count(*) from (select transfer_id, currency from journal_entry "
                        + "group by transfer_id, currency having sum(amount) <> 0) unbalanced")
                .map(row -> row.get(0, Long.class)).one().block()).isZero();
        assertThat(database.sql("select count(*) from ledger_account a where a.balance <> "
                        + "(select coalesce(sum(j.amount), 0) from journal_entry j where j.account_id = a.id)")
                .map(row -> row.get(0, Long.class)).one().block()).isZero();
        assertThat(database.sql("select count(*) from (select currency from ledger_account group by currency "
                        + "having sum(balance) <> 0) not_zero").map(row -> row.get(0, Long.class)).one().block()).isZero();
        assertThat(database.sql("select count(*) from ledger_account where kind = 'USER_WALLET' and balance < 0")
                .map(row -> row.get(0, Long.class)).one().block()).isZero();
        BigDecimal total = BigDecimal.ZERO;
        for (String wallet : wallets) {
            total = total.add(PaymentsTestServer.balance(database, wallet));
        }
        BigDecimal fees = database.sql("select coalesce(sum(fee), 0) from transfer where from_account_id = any(:ids)")
                .bind("ids", wallets.stream().map(UUID::fromString).toArray(UUID[]::new))
                .map(row -> row.get(0, BigDecimal.class)).one().block();
        assertThat(total.add(fees)).isEqualByComparingTo("100");
    }

    @Test
    void theDatabaseRefusesToChangeOrUnbalanceTheJournal() {
        User alice = PaymentsTestServer.newUser(port);
        String wallet = alice.openWallet("GBP");
        alice.deposit(wallet, "5");

        assertThatThrownBy(() -> database.sql("update journal_entry set amount = 1000 where account_id = :id")
                .bind("id", UUID.fromString(wallet)).then().block()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> database.sql("delete from journal_entry where account_id = :id")
                .bind("id", UUID.fromString(wallet)).then().block()).hasMessageContaining("append-only");
        // A one-sided entry fails at commit: the deferred trigger checks that each transfer sums to zero.
        String transfer = database.sql("select transfer_id from journal_entry where account_id = :id")
                .bind("id", UUID.fromString(wallet)).map(row -> row.get(0, UUID.class).toString()).one().block();
        assertThatThrownBy(() -> database.sql("insert into journal_entry (transfer_id, account_id, amount, currency) "
                        + "values (:t, :a, 1, 'GBP')").bind("t", UUID.fromString(transfer)).bind("a", UUID.fromString(wallet))
                .then().block()).hasMessageContaining("unbalanced");
        // Currency must match the account's: the composite foreign key refuses a USD line on a GBP wallet.
        assertThatThrownBy(() -> database.sql("insert into journal_entry (transfer_id, account_id, amount, currency) "
                        + "values (:t, :a, 1, 'USD')").bind("t", UUID.fromString(transfer)).bind("a", UUID.fromString(wallet))
                .then().block()).hasMessageContaining("foreign key");
        assertThat(PaymentsTestServer.balance(database, wallet)).isEqualByComparingTo("5");
    }
}
