package com.ventusvault.payments.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.ventusvault.payments.graphql.PaymentsTestServer.User;
import io.r2dbc.spi.ConnectionFactory;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;

@PaymentsIntegrationTest
class WalletsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    DatabaseClient database;

    @Autowired
    ConnectionFactory connectionFactory;

    @Test
    void runsOnTheEmbeddedPostgresInThePaymentsSchema() {
        String schema = database.sql("select current_schema()").map(row -> row.get(0, String.class)).one().block();
        assertThat(schema).isEqualTo("payments");
        assertThat(connectionFactory.getMetadata().getName()).isEqualTo("PostgreSQL");
    }

    @Test
    void opensOneWalletPerCurrencyAndReturnsTheExistingOneWhenOpenedAgain() {
        User alice = PaymentsTestServer.newUser(port);
        String usd = alice.openWallet("USD");
        String again = alice.openWallet("usd");
        String btc = alice.openWallet("BTC");

        assertThat(again).isEqualTo(usd);
        assertThat(btc).isNotEqualTo(usd);
        alice.api().documentName("openWallet").variable("currency", "BTC").execute()
                .path("openWallet.wallet.owner.id").entity(String.class).isEqualTo(alice.id().toString())
                .path("openWallet.wallet.balance.amount").entity(String.class).isEqualTo("0.00000000")
                .path("openWallet.wallet.balance.currency").entity(String.class).isEqualTo("BTC");
    }

    @Test
    void refusesAnUnknownCurrencyNamingTheField() {
        User alice = PaymentsTestServer.newUser(port);
        alice.api().documentName("openWallet").variable("currency", "DOGE").execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).hasSize(1);
                    assertThat(errors.get(0).getExtensions()).containsEntry("code", "BAD_REQUEST")
                            .containsEntry("field", List.of("currency"));
                    assertThat(errors.get(0).getMessage()).contains("DOGE").contains("USD EUR GBP NGN BTC ETH");
                });
        long wallets = database.sql("select count(*) from ledger_account where owner_id = :owner")
                .bind("owner", alice.id()).map(row -> row.get(0, Long.class)).one().block();
        assertThat(wallets).isZero();
    }

    @Test
    void refusesCallersWithoutAToken() {
        PaymentsTestServer.anonymous(port).documentName("openWallet").variable("currency", "USD").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "UNAUTHENTICATED")));
    }

    @Test
    void showsUserWalletsOnlyToTheirOwnerThroughEntities() {
        User alice = PaymentsTestServer.newUser(port);
        User bob = PaymentsTestServer.newUser(port);
        String aliceUsd = alice.openWallet("USD");
        String aliceEur = alice.openWallet("EUR");
        bob.openWallet("USD");
        alice.deposit(aliceUsd, "25.5");

        List<Map<String, Object>> representations = List.of(
                Map.of("__typename", "User", "id", alice.id().toString()),
                Map.of("__typename", "User", "id", bob.id().toString()),
                Map.of("__typename", "User", "id", alice.id().toString()));
        var response = alice.api().documentName("userEntities").variable("representations", representations).execute();

        response.errors().verify()
                .path("_entities[0].id").entity(String.class).isEqualTo(alice.id().toString())
                .path("_entities[0].wallets[*].id").entityList(String.class).contains(aliceUsd, aliceEur).hasSize(2)
                .path("_entities[0].usd.id").entity(String.class).isEqualTo(aliceUsd)
                .path("_entities[0].sol").valueIsNull()
                .path("_entities[1].wallets").entityList(Object.class).hasSize(0)
                .path("_entities[1].usd").valueIsNull()
                .path("_entities[2].wallets").entityList(Object.class).hasSize(2);
        List<Map<String, Object>> wallets = response.path("_entities[0].wallets").entity(List.class).get();
        assertThat(wallets).anySatisfy(wallet -> assertThat(wallet.get("balance"))
                .isEqualTo(Map.of("amount", "25.50", "currency", "USD")));
    }

    @Test
    void resolvesWalletEntitiesForTheirOwnerOnly() {
        User alice = PaymentsTestServer.newUser(port);
        User bob = PaymentsTestServer.newUser(port);
        String aliceUsd = alice.openWallet("USD");
        String bobUsd = bob.openWallet("USD");

        alice.api().documentName("walletEntities").variable("representations", List.of(
                        Map.of("__typename", "Wallet", "id", aliceUsd),
                        Map.of("__typename", "Wallet", "id", bobUsd),
                        Map.of("__typename", "Wallet", "id", UUID.randomUUID().toString())))
                .execute().errors().verify()
                .path("_entities[0].id").entity(String.class).isEqualTo(aliceUsd)
                .path("_entities[0].owner.id").entity(String.class).isEqualTo(alice.id().toString())
                .path("_entities[0].balance.amount").entity(String.class).isEqualTo("0.00")
                .path("_entities[1]").valueIsNull()
                .path("_entities[2]").valueIsNull();
    }
}
