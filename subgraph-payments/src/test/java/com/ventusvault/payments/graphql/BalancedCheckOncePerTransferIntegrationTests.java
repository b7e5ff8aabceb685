package com.ventusvault.payments.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ventusvault.payments.graphql.PaymentsTestServer.User;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The double-entry check runs once per transfer (V5), not once per entry, and still refuses every unbalanced commit:
 * entries added to a transfer after its check (SET CONSTRAINTS ... IMMEDIATE) are checked again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=payments", "ventus.payments.demo-funding=true"})
class BalancedCheckOncePerTransferIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    DatabaseClient database;

    @Autowired
    TransactionalOperator transactions;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        PaymentsTestServer.properties(registry);
    }

    @Test
    void anEntryAddedAfterItsTransferWasCheckedIsCheckedAgain() {
        Deposit deposit = deposit("5");
        assertThatThrownBy(() -> transactions.transactional(entry(deposit.transfer, deposit.wallet, "1")
                        .then(entry(deposit.transfer, deposit.bank, "-1"))
                        .then(database.sql("set constraints journal_entry_balanced immediate").then())
                        .then(entry(deposit.transfer, deposit.wallet, "1")))
                .block()).hasMessageContaining("unbalanced");
        assertThat(PaymentsTestServer.balance(database, deposit.wallet.toString())).isEqualByComparingTo("5");
    }

    @Test
    void balancedEntriesAddedInOneTransactionCommitAndAnUnbalancedOneAmongThemDoesNot() {
        Deposit deposit = deposit("5");
        transactions.transactional(entry(deposit.transfer, deposit.wallet, "1")
                .then(entry(deposit.transfer, deposit.wallet, "2"))
                .then(entry(deposit.transfer, deposit.bank, "-3"))).block();
        assertThat(PaymentsTestServer.balance(database, deposit.wallet.toString())).isEqualByComparingTo("8");

        assertThatThrownBy(() -> transactions.transactional(entry(deposit.transfer, deposit.wallet, "1")
                        .then(entry(deposit.transfer, deposit.bank, "-1"))
                        .then(entry(deposit.transfer, deposit.wallet, "0.01")))
                .block()).hasMessageContaining("unbalanced");
        assertThat(PaymentsTestServer.balance(database, deposit.wallet.toString())).isEqualByComparingTo("8");
    }

    private record Deposit(UUID transfer, UUID wallet, UUID bank) {
    }

    private Deposit deposit(String amount) {
        User alice = PaymentsTestServer.newUser(port);
        UUID wallet = UUID.fromString(alice.openWallet("GBP"));
        alice.deposit(wallet.toString(), amount);
        UUID transfer = database.sql("select transfer_id from journal_entry where account_id = :id").bind("id", wallet)
                .map(row -> row.get(0, UUID.class)).one().block();
        UUID bank = database.sql("select account_id from journal_entry where transfer_id = :t and account_id <> :w")
                .bind("t", transfer).bind("w", wallet).map(row -> row.get(0, UUID.class)).one().block();
        return new Deposit(transfer, wallet, bank);
    }

    private reactor.core.publisher.Mono<Void> entry(UUID transfer, UUID account, String amount) {
        return database.sql("insert into journal_entry (transfer_id, account_id, amount, currency) "
                        + "values (:t, :a, cast(:amount as numeric), 'GBP')")
                .bind("t", transfer).bind("a", account).bind("amount", amount).then();
    }
}
