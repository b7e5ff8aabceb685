package com.ventusvault.payments.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.ventusvault.payments.graphql.PaymentsTestServer.User;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;

/** Fee revenue is split over 8 rows per currency so payments do not queue on one; its total stays exact. */
@PaymentsIntegrationTest
class FeeRevenueShardsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    DatabaseClient database;

    @Test
    void feesOfPaymentsInOneCurrencyAreSpreadOverTheShardsAndAddUpExactly() {
        User alice = PaymentsTestServer.newUser(port);
        User bob = PaymentsTestServer.newUser(port);
        String aliceGbp = alice.openWallet("GBP");
        String bobGbp = bob.openWallet("GBP");
        alice.deposit(aliceGbp, "1000");
        BigDecimal before = PaymentsTestServer.systemBalance(database, "FEE_REVENUE", "GBP");
        List<UUID> shards = database.sql("select id from ledger_account where kind = 'FEE_REVENUE' and currency = 'GBP' "
                + "order by shard").map(row -> row.get(0, UUID.class)).all().collectList().block();
        assertThat(shards).hasSize(8);

        int payments = 40;
        for (int i = 0; i < payments; i++) {
            alice.api().documentName("sendMoney").variable("input", Map.of("fromWalletId", aliceGbp, "toWalletId", bobGbp,
                            "amount", "10.10", "idempotencyKey", "fee-" + i)).execute().errors().verify()
                    .path("sendMoney.transfer.fee.amount").entity(String.class).isEqualTo("0.06");
        }

        // 40 x 0.06, wherever each fee went
        assertThat(PaymentsTestServer.systemBalance(database, "FEE_REVENUE", "GBP"))
                .isEqualByComparingTo(before.add(new BigDecimal("2.40")));
        List<UUID> credited = database.sql("select distinct j.account_id from journal_entry j join transfer t on t.id = j.transfer_id "
                        + "where t.initiator_id = :alice and t.kind = 'P2P' and j.amount = 0.06")
                .bind("alice", alice.id()).map(row -> row.get(0, UUID.class)).all().collectList().block();
        assertThat(credited).hasSizeGreaterThan(1).allSatisfy(id -> assertThat(shards).contains(id));
        assertThat(PaymentsTestServer.balance(database, aliceGbp)).isEqualByComparingTo("593.60");
        assertThat(PaymentsTestServer.balance(database, bobGbp)).isEqualByComparingTo("404");
    }
}
