package com.ventusvault.payments.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.ventusvault.payments.graphql.PaymentsTestServer.User;
import com.ventusvault.platform.testing.StatementLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Nobody reads or moves another user's money through payments, called directly (no gateway in front): the attacks
 * other test classes do not already try. Alice paid Bob and put money in escrow for him, so each is the other's
 * counterparty; Carol is a stranger. The paths tried are every way the schema reaches a wallet's contents
 * ({@code Transfer.from/to}, {@code Escrow.payer/payee}, {@code Wallet.owner -> User.wallets}), every entity type
 * through {@code _entities} in one mixed batch (ids in other spellings too), without a token, as staff, and the two
 * money-moving mutations not tried elsewhere with someone else's wallet (payout, provider deposit).
 */
@PaymentsIntegrationTest
@Import({StatementLog.class, StaffTokens.Keys.class}) // the context EscrowEntitiesIntegrationTests and others share
class OwnershipIntegrationTests {

    private static final Set<String> WALLET_CONTENTS = Set.of("balance", "available", "held", "transactions");

    @LocalServerPort
    int port;

    @Autowired
    DatabaseClient database;

    User alice;
    User bob;
    String aliceUsd;
    String bobUsd;
    String transfer;
    String escrow;

    @BeforeEach
    void aliceHasPaidBobAndEscrowedMoneyForHim() {
        alice = PaymentsTestServer.newUser(port);
        bob = PaymentsTestServer.newUser(port);
        aliceUsd = alice.openWallet("USD");
        bobUsd = bob.openWallet("USD");
        alice.deposit(aliceUsd, "100");
        bob.deposit(bobUsd, "50");
        transfer = alice.pay(aliceUsd, bobUsd, "10");
        escrow = alice.createEscrow(aliceUsd, bobUsd, "5", UUID.randomUUID().toString());
    }

    @Test
    void eachPartySeesTheContentsOfTheirOwnWalletOnlyNeverTheCounterpartys() {
        expectOnlyOwnWalletContents(alice.api(), "from", "payer", Set.of("to", "payee"));
        expectOnlyOwnWalletContents(bob.api(), "to", "payee", Set.of("from", "payer"));
    }

    @Test
    void staffSeeTransfersAndEscrowsButNoWalletsContents() {
        for (String role : List.of("SUPPORT", "ADMIN")) {
            GraphQlTester.Response response = staff(role).documentName("otherPartysWallet")
                    .variable("transfer", transfer).variable("escrow", escrow).execute();
            response.errors().satisfy(errors -> assertThat(errors).isNotEmpty().allSatisfy(error -> {
                        assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN");
                        assertThat(WALLET_CONTENTS).contains(error.getParsedPath().get(2).toString());
                    }))
                    .path("transfer.id").entity(String.class).isEqualTo(transfer)
                    .path("transfer.from").valueIsNull()
                    .path("transfer.to").valueIsNull()
                    .path("escrowPayer").valueIsNull()
                    .path("escrowPayee").valueIsNull();
        }
    }

    @Test
    void aWalletsOwnerShowsTheirWalletsToThemselvesOnly() {
        alice.api().documentName("walletOwnersWallets").variable("transfer", transfer).variable("escrow", escrow)
                .execute().errors().verify()
                .path("transfer.from.owner.wallets[*].id").entityList(String.class).containsExactly(aliceUsd)
                .path("transfer.from.owner.usd.id").entity(String.class).isEqualTo(aliceUsd)
                .path("transfer.to.owner.id").entity(String.class).isEqualTo(bob.id().toString())
                .path("transfer.to.owner.wallets").entityList(Object.class).hasSize(0)
                .path("transfer.to.owner.usd").valueIsNull()
                .path("escrow.payee.owner.wallets").entityList(Object.class).hasSize(0)
                .path("escrow.payee.owner.usd").valueIsNull();
        staff("ADMIN").documentName("walletOwnersWallets").variable("transfer", transfer).variable("escrow", escrow)
                .execute().errors().verify()
                .path("transfer.from.owner.wallets").entityList(Object.class).hasSize(0)
                .path("transfer.to.owner.wallets").entityList(Object.class).hasSize(0)
                .path("escrow.payer.owner.usd").valueIsNull();
    }

    @Test
    void aStrangersMixedBatchOfEntitiesResolvesOnlyTheirOwnWhateverTheIdsSpelling() {
        User carol = PaymentsTestServer.newUser(port);
        String carolUsd = carol.openWallet("USD");
        List<Map<String, Object>> representations = List.of(
                entity("Wallet", aliceUsd),
                entity("Wallet", bobUsd.toUpperCase(Locale.ROOT)),
                entity("Transfer", transfer),
                entity("Transfer", transfer.toUpperCase(Locale.ROOT)),
                entity("Escrow", escrow),
                entity("Escrow", escrow.toUpperCase(Locale.ROOT)),
                entity("User", alice.id().toString()),
                entity("User", bob.id().toString().toUpperCase(Locale.ROOT)),
                entity("Wallet", carolUsd));

        carol.api().documentName("anyEntities").variable("representations", representations).execute()
                .errors().verify()
                .path("_entities[0]").valueIsNull()
                .path("_entities[1]").valueIsNull()
                .path("_entities[2]").valueIsNull()
                .path("_entities[3]").valueIsNull()
                .path("_entities[4]").valueIsNull()
                .path("_entities[5]").valueIsNull()
                .path("_entities[6].wallets").entityList(Object.class).hasSize(0)
                .path("_entities[6].usd").valueIsNull()
                .path("_entities[7].wallets").entityList(Object.class).hasSize(0)
                .path("_entities[8].id").entity(String.class).isEqualTo(carolUsd);
        assertThat(raw(carol.token(), representations)).doesNotContain(aliceUsd, bobUsd, transfer, escrow);
    }

    @Test
    void withoutATokenNoEntityResolvesAndNothingLeaks() {
        List<Map<String, Object>> representations = List.of(entity("Wallet", aliceUsd), entity("Transfer", transfer),
                entity("Escrow", escrow), entity("User", alice.id().toString()));

        PaymentsTestServer.anonymous(port).documentName("anyEntities").variable("representations", representations)
                .execute().errors().satisfy(errors -> assertThat(errors).isNotEmpty().allSatisfy(error ->
                        assertThat(error.getExtensions()).containsEntry("code", "UNAUTHENTICATED")))
                .path("_entities[0]").valueIsNull()
                .path("_entities[1]").valueIsNull()
                .path("_entities[2]").valueIsNull();
        assertThat(raw(null, representations)).doesNotContain(aliceUsd, bobUsd, transfer, escrow, "\"amount\"");
    }

    @Test
    void nobodyPaysOutOfOrChargesIntoSomeoneElsesWallet() {
        String bobNgn = bob.openWallet("NGN");
        bob.deposit(bobNgn, "20000");
        User carol = PaymentsTestServer.newUser(port);

        for (User attacker : List.of(alice, carol)) {
            Map<String, Object> payout = new HashMap<>();
            payout.put("walletId", bobNgn);
            payout.put("amount", "5000");
            payout.put("bankCode", "058");
            payout.put("accountNumber", "0123456780");
            payout.put("provider", "PAYSTACK");
            payout.put("idempotencyKey", UUID.randomUUID().toString());
            attacker.api().documentName("requestPayout").variable("input", payout).execute().errors().verify()
                    .path("requestPayout.transfer").valueIsNull()
                    .path("requestPayout.userErrors[0].code").entity(String.class).isEqualTo("WALLET_NOT_FOUND");
            attacker.api().documentName("providerDeposit").variable("input", Map.of("walletId", bobNgn, "amount", "100",
                            "idempotencyKey", UUID.randomUUID().toString(), "provider", "PAYSTACK")).execute()
                    .errors().verify()
                    .path("deposit.transfer").valueIsNull()
                    .path("deposit.userErrors[0].code").entity(String.class).isEqualTo("WALLET_NOT_FOUND");
        }
        assertThat(PaymentsTestServer.balance(database, bobNgn)).isEqualByComparingTo("20000");
        assertThat(database.sql("select count(*) from hold h where h.account_id = :wallet").bind("wallet",
                UUID.fromString(bobNgn)).map(row -> row.get(0, Long.class)).one().block()).isZero();
        assertThat(PaymentsTestServer.transfersInitiatedBy(database, carol.id())).isZero();
        assertThat(PaymentsTestServer.transfersInitiatedBy(database, alice.id())).isEqualTo(3); // deposit, pay, escrow
    }

    /** The viewer's wallets show everything; the counterparty's wallets are FORBIDDEN field by field (and null). */
    private void expectOnlyOwnWalletContents(HttpGraphQlTester viewer, String ownTransferSide, String ownEscrowSide,
                                             Set<String> otherSides) {
        GraphQlTester.Response response = viewer.documentName("otherPartysWallet").variable("transfer", transfer)
                .variable("escrow", escrow).execute();
        response.errors().satisfy(errors -> assertThat(errors).isNotEmpty().allSatisfy(error -> {
            assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN");
            assertThat(otherSides).contains(error.getParsedPath().get(1).toString());
            assertThat(WALLET_CONTENTS).contains(error.getParsedPath().get(2).toString());
        }));
        String otherTransferSide = ownTransferSide.equals("from") ? "to" : "from";
        String otherEscrowSide = ownEscrowSide.equals("payer") ? "payee" : "payer";
        response.path("transfer." + ownTransferSide + ".balance.amount").hasValue()
                .path("transfer." + ownTransferSide + ".transactions.edges").entityList(Object.class).hasSizeGreaterThan(0)
                .path("transfer." + otherTransferSide).valueIsNull()
                .path(alias(ownEscrowSide) + "." + ownEscrowSide + ".held.amount").hasValue()
                .path(alias(otherEscrowSide)).valueIsNull();
    }

    private static String alias(String escrowSide) {
        return escrowSide.equals("payer") ? "escrowPayer" : "escrowPayee";
    }

    private HttpGraphQlTester staff(String role) {
        UUID id = UUID.randomUUID();
        return PaymentsTestServer.anonymous(port).mutate().header("Authorization", "Bearer "
                + StaffTokens.token(id, "staff-" + id + "@ventusvault.local", role)).build();
    }

    private static Map<String, Object> entity(String type, String id) {
        return Map.of("__typename", type, "id", id);
    }

    /** The raw response body to anyEntities, lower-cased, to check that no id or amount of the victims is in it. */
    private String raw(String token, List<Map<String, Object>> representations) {
        WebTestClient.RequestBodySpec request = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(java.time.Duration.ofSeconds(30)).build()
                .post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON);
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        byte[] body = request.bodyValue(Map.of("query", document("anyEntities"), "variables",
                        Map.of("representations", representations)))
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
        return new String(body, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
    }

    private static String document(String name) {
        try {
            return new ClassPathResource("graphql-test/" + name + ".graphql").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
