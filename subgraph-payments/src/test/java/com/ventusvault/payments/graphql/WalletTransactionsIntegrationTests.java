package com.ventusvault.payments.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.ventusvault.payments.graphql.PaymentsTestServer.User;
import com.ventusvault.platform.testing.StatementLog;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;

/** {@code Wallet.transactions}: keyset paging, filters, owner-only access, one query per connection. */
@PaymentsIntegrationTest
@Import({StatementLog.class, StaffTokens.Keys.class}) // one context for the four statement-counting classes
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WalletTransactionsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    DatabaseClient database;

    @Autowired
    StatementLog log;

    User alice;
    User bob;
    String aliceUsd;
    String bobUsd;
    /** Alice's 25 transfers as the database orders them: newest first by (created_at, id). */
    List<Row> history;

    record Row(String id, String kind, boolean incoming, OffsetDateTime createdAt) {
    }

    @BeforeAll
    void twentyFiveTransfersIntoAndOutOfAlicesWallet() {
        alice = PaymentsTestServer.newUser(port);
        bob = PaymentsTestServer.newUser(port);
        aliceUsd = alice.openWallet("USD");
        bobUsd = bob.openWallet("USD");
        alice.deposit(aliceUsd, "1000");
        bob.deposit(bobUsd, "1000");
        for (int i = 0; i < 12; i++) {
            alice.pay(aliceUsd, bobUsd, "1." + (10 + i));
            bob.pay(bobUsd, aliceUsd, "2." + (10 + i));
        }
        history = database.sql("select id, kind, to_account_id = :wallet as incoming, created_at from transfer "
                        + "where from_account_id = :wallet or to_account_id = :wallet order by created_at desc, id desc")
                .bind("wallet", UUID.fromString(aliceUsd))
                .map(row -> new Row(row.get("id", UUID.class).toString(), row.get("kind", String.class),
                        Boolean.TRUE.equals(row.get("incoming", Boolean.class)), row.get("created_at", OffsetDateTime.class)))
                .all().collectList().block();
        assertThat(history).hasSize(25);
    }

    @Test
    void pagesOfTenReturnEveryTransferExactlyOnceNewestFirst() {
        List<String> seen = new ArrayList<>();
        List<Boolean> hasNext = new ArrayList<>();
        String after = null;
        do {
            GraphQlTester.Traversable response = transactions(alice, aliceUsd, 10, after, null).errors().verify();
            List<String> ids = response.path("_entities[0].transactions.edges[*].node.id").entityList(String.class).get();
            List<String> cursors = response.path("_entities[0].transactions.edges[*].cursor").entityList(String.class).get();
            Map<String, Object> pageInfo = response.path("_entities[0].transactions.pageInfo").entity(Map.class).get();
            seen.addAll(ids);
            hasNext.add((Boolean) pageInfo.get("hasNextPage"));
            assertThat(pageInfo.get("hasPreviousPage")).isEqualTo(false);
            assertThat(pageInfo.get("startCursor")).isEqualTo(cursors.getFirst());
            assertThat(pageInfo.get("endCursor")).isEqualTo(cursors.getLast());
            after = (String) pageInfo.get("endCursor");
        } while (hasNext.getLast());

        assertThat(hasNext).containsExactly(true, true, false);
        assertThat(seen).containsExactlyElementsOf(history.stream().map(Row::id).toList());
    }

    @Test
    void aConnectionCostsOneQuery() {
        log.clear();
        transactions(alice, aliceUsd, 100, null, null).errors().verify()
                .path("_entities[0].transactions.edges").entityList(Object.class).hasSize(25)
                .path("_entities[0].transactions.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
        assertThat(log.containing("from transfer t")).hasSize(1);
    }

    @Test
    void firstZeroReturnsNoEdgesButSaysMoreExist() {
        transactions(alice, aliceUsd, 0, null, null).errors().verify()
                .path("_entities[0].transactions.edges").entityList(Object.class).hasSize(0)
                .path("_entities[0].transactions.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true)
                .path("_entities[0].transactions.pageInfo.endCursor").valueIsNull();
    }

    @Test
    void filtersByKindStatusDirectionAndTime() {
        assertThat(ids(Map.of("kinds", List.of("DEPOSIT")))).containsExactly(history.getLast().id());
        assertThat(ids(Map.of("kinds", List.of("P2P", "DEPOSIT")))).hasSize(25);
        assertThat(ids(Map.of("kinds", List.of()))).isEmpty();
        assertThat(ids(Map.of("statuses", List.of("COMPLETED")))).hasSize(25);
        assertThat(ids(Map.of("statuses", List.of("FAILED", "EXPIRED")))).isEmpty();
        assertThat(ids(Map.of("direction", "INCOMING")))
                .containsExactlyElementsOf(history.stream().filter(Row::incoming).map(Row::id).toList()).hasSize(13);
        assertThat(ids(Map.of("direction", "OUTGOING")))
                .containsExactlyElementsOf(history.stream().filter(row -> !row.incoming()).map(Row::id).toList())
                .hasSize(12);
        assertThat(ids(Map.of("direction", "INCOMING", "kinds", List.of("P2P")))).hasSize(12);

        // since is inclusive, until exclusive: [created_at of the 20th newest, created_at of the 5th newest)
        OffsetDateTime since = history.get(19).createdAt();
        OffsetDateTime until = history.get(4).createdAt();
        List<String> expected = history.stream()
                .filter(row -> !row.createdAt().isBefore(since) && row.createdAt().isBefore(until)).map(Row::id).toList();
        assertThat(expected).contains(history.get(19).id()).doesNotContain(history.get(4).id());
        assertThat(ids(Map.of("since", since.toInstant().toString(), "until", until.toInstant().toString())))
                .containsExactlyElementsOf(expected);
        assertThat(ids(Map.of("since", until.toInstant().toString()))).containsExactlyElementsOf(
                history.stream().filter(row -> !row.createdAt().isBefore(until)).map(Row::id).toList());
    }

    @Test
    void filtersHoldAcrossPages() {
        Map<String, Object> incoming = Map.of("direction", "INCOMING");
        String after = transactions(alice, aliceUsd, 10, null, incoming).errors().verify()
                .path("_entities[0].transactions.pageInfo.endCursor").entity(String.class).get();
        transactions(alice, aliceUsd, 10, after, incoming).errors().verify()
                .path("_entities[0].transactions.edges[*].node.id").entityList(String.class).containsExactly(
                        history.stream().filter(Row::incoming).skip(10).map(Row::id).toArray(String[]::new))
                .path("_entities[0].transactions.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 101})
    void aPageSizeOutsideZeroToHundredIsABadRequest(int first) {
        expectError(transactions(alice, aliceUsd, first, null, null), "BAD_REQUEST");
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "djE6MTIz", "", "djE6MTIzOm5vdC1hLXV1aWQ"})
    void aCursorThisFieldDidNotHandOutIsABadRequest(String after) {
        expectError(transactions(alice, aliceUsd, 10, after, null), "BAD_REQUEST");
    }

    @Test
    void anEmptyTimeRangeIsABadRequest() {
        String at = history.getFirst().createdAt().toInstant().toString();
        expectError(transactions(alice, aliceUsd, 10, null, Map.of("since", at, "until", at)), "BAD_REQUEST");
    }

    @Test
    void someoneElsesWalletIsForbidden() {
        // Alice paid Bob, so she can reach Bob's wallet through the transfer, but not its history.
        String paid = history.stream().filter(row -> !row.incoming() && row.kind().equals("P2P")).findFirst()
                .orElseThrow().id();
        alice.api().documentName("transferCounterpartyTransactions").variable("id", paid).execute().errors()
                .expect(error -> "FORBIDDEN".equals(error.getExtensions().get("code"))
                        && "transfer.to.transactions".equals(error.getPath()))
                .verify()
                .path("transfer.to.transactions.edges").entityList(Object.class).hasSize(0);
    }

    private List<String> ids(Map<String, Object> filter) {
        return transactions(alice, aliceUsd, 100, null, filter).errors().verify()
                .path("_entities[0].transactions.edges[*].node.id").entityList(String.class).get();
    }

    private static GraphQlTester.Response transactions(User user, String wallet, int first, String after,
                                                       Map<String, Object> filter) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("representations", List.of(Map.of("__typename", "Wallet", "id", wallet)));
        variables.put("first", first);
        variables.put("after", after);
        variables.put("filter", filter);
        GraphQlTester.Request<?> request = user.api().documentName("walletTransactions");
        for (Map.Entry<String, Object> variable : variables.entrySet()) {
            request = request.variable(variable.getKey(), variable.getValue());
        }
        return request.execute();
    }

    private static void expectError(GraphQlTester.Response response, String code) {
        // spring-graphql answers a failed connection field with an empty connection (the type is non-null)
        response.errors().expect(error -> code.equals(error.getExtensions().get("code"))).verify()
                .path("_entities[0].transactions.edges").entityList(Object.class).hasSize(0);
    }
}
