package com.ventusvault.payments.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.ventusvault.payments.graphql.PaymentsTestServer.User;
import com.ventusvault.platform.testing.StatementLog;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Escrow entities and {@code Transfer.escrow} load in one query per batch, in order, visible to the parties and staff;
 * staff see every escrow but resolve none.
 */
@PaymentsIntegrationTest
@Import({StatementLog.class, StaffTokens.Keys.class}) // one context for the four statement-counting classes
class EscrowEntitiesIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    DatabaseClient database;

    @Autowired
    StatementLog log;

    @Test
    void escrowEntitiesAndTransferEscrowLoadInOneQueryPerBatch() {
        User payer = PaymentsTestServer.newUser(port);
        User payee = PaymentsTestServer.newUser(port);
        String payerWallet = payer.openWallet("USD");
        String payeeWallet = payee.openWallet("USD");
        payer.deposit(payerWallet, "100");
        String first = payer.createEscrow(payerWallet, payeeWallet, "1", UUID.randomUUID().toString());
        String second = payer.createEscrow(payerWallet, payeeWallet, "2", UUID.randomUUID().toString());
        payer.api().documentName("releaseEscrow").variable("id", second).execute().errors().verify();
        Map<String, String> transfers = database.sql("select id::text, funding_transfer_id::text, "
                        + "resolution_transfer_id::text from escrow where id = :id").bind("id", UUID.fromString(second))
                .map(row -> Map.of("funding", row.get(1, String.class), "resolution", row.get(2, String.class)))
                .one().block();
        String p2p = payer.api().documentName("sendMoney").variable("input", Map.of("fromWalletId", payerWallet,
                        "toWalletId", payeeWallet, "amount", "1", "idempotencyKey", UUID.randomUUID().toString()))
                .execute().errors().verify().path("sendMoney.transfer.id").entity(String.class).get();

        log.clear();
        List<Map> entities = payer.api().documentName("escrowEntities").variable("representations", List.of(
                        Map.of("__typename", "Escrow", "id", second), Map.of("__typename", "Escrow", "id", "nope"),
                        Map.of("__typename", "Escrow", "id", first), Map.of("__typename", "Escrow", "id", UUID.randomUUID().toString())))
                .execute().errors().verify().path("_entities").entityList(Map.class).get();
        assertThat(entities).hasSize(4);
        assertThat(entities.get(0)).containsEntry("id", second).containsEntry("status", "RELEASED");
        assertThat(entities.get(1)).isNull();
        assertThat(entities.get(2)).containsEntry("id", first).containsEntry("status", "HELD");
        assertThat(entities.get(3)).isNull();
        assertThat(log.containing("from escrow e")).hasSize(1);

        // A stranger resolves none of them.
        User stranger = PaymentsTestServer.newUser(port);
        stranger.api().documentName("escrowEntities").variable("representations",
                        List.of(Map.of("__typename", "Escrow", "id", first))).execute().errors().verify()
                .path("_entities[0]").valueIsNull();

        String firstFunding = database.sql("select funding_transfer_id::text from escrow where id = :id")
                .bind("id", UUID.fromString(first)).map(row -> row.get(0, String.class)).one().block();
        log.clear();
        List<Map> withEscrow = payer.api().documentName("escrowEntities").variable("representations", List.of(
                        Map.of("__typename", "Transfer", "id", transfers.get("funding")),
                        Map.of("__typename", "Transfer", "id", p2p),
                        Map.of("__typename", "Transfer", "id", firstFunding)))
                .execute().errors().verify().path("_entities").entityList(Map.class).get();
        assertThat(withEscrow.get(0)).containsEntry("kind", "ESCROW").containsEntry("escrow", Map.of("id", second, "status", "RELEASED"));
        assertThat(withEscrow.get(1)).containsEntry("kind", "P2P").containsEntry("escrow", null);
        assertThat(withEscrow.get(2)).containsEntry("kind", "ESCROW").containsEntry("escrow", Map.of("id", first, "status", "HELD"));
        assertThat(log.containing("from escrow e")).hasSize(1);

        // The release is initiated by the escrow and pays the payee, who sees it as a transfer (the payer sees it as
        // Escrow.resolution).
        payee.api().documentName("escrowEntities").variable("representations",
                        List.of(Map.of("__typename", "Transfer", "id", transfers.get("resolution")))).execute()
                .errors().verify()
                .path("_entities[0].escrow").entity(Map.class).isEqualTo(Map.of("id", second, "status", "RELEASED"));
    }

    @Test
    void staffSeeEveryEscrowButResolveNone() {
        User payer = PaymentsTestServer.newUser(port);
        User payee = PaymentsTestServer.newUser(port);
        String payerWallet = payer.openWallet("USD");
        String payeeWallet = payee.openWallet("USD");
        payer.deposit(payerWallet, "10");
        String id = payer.createEscrow(payerWallet, payeeWallet, "4", UUID.randomUUID().toString());
        for (String role : List.of("SUPPORT", "ADMIN")) {
            UUID staffId = UUID.randomUUID();
            HttpGraphQlTester staff = PaymentsTestServer.anonymous(port).mutate().header("Authorization",
                    "Bearer " + StaffTokens.token(staffId, "staff-" + staffId + "@ventusvault.local", role)).build();
            staff.documentName("escrow").variable("id", id).execute().errors().verify()
                    .path("escrow.status").entity(String.class).isEqualTo("HELD")
                    .path("escrow.payer.id").entity(String.class).isEqualTo(payerWallet);
            staff.documentName("releaseEscrow").variable("id", id).execute().errors().verify()
                    .path("releaseEscrow.userErrors[0].code").entity(String.class).isEqualTo("NOT_ESCROW_PAYER");
            staff.documentName("cancelEscrow").variable("id", id).execute().errors().verify()
                    .path("cancelEscrow.userErrors[0].code").entity(String.class).isEqualTo("NOT_ESCROW_PARTY")
                    .path("cancelEscrow.escrow.status").entity(String.class).isEqualTo("HELD");
        }
        UUID customerId = UUID.randomUUID();
        PaymentsTestServer.anonymous(port).mutate().header("Authorization", "Bearer " + StaffTokens.token(customerId,
                        "c-" + customerId + "@example.com", "CUSTOMER")).build()
                .documentName("escrow").variable("id", id).execute().errors().verify().path("escrow").valueIsNull();
        assertThat(PaymentsTestServer.balance(database, payeeWallet)).isEqualByComparingTo("0");
        assertThat(PaymentsTestServer.balance(database, payerWallet)).isEqualByComparingTo("5.98");
    }
}
