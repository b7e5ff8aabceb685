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

@PaymentsIntegrationTest
@Import({StatementLog.class, StaffTokens.Keys.class}) // one context for the four statement-counting classes
class TransferEntitiesIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    StatementLog log;

    @Test
    void resolvesABatchOfTransfersInOneQueryInRequestOrderWithNullForOthers() {
        User alice = PaymentsTestServer.newUser(port);
        User bob = PaymentsTestServer.newUser(port);
        User carol = PaymentsTestServer.newUser(port);
        String aliceUsd = alice.openWallet("USD");
        String bobUsd = bob.openWallet("USD");
        String carolUsd = carol.openWallet("USD");
        alice.deposit(aliceUsd, "10");
        carol.deposit(carolUsd, "10");
        String first = alice.pay(aliceUsd, bobUsd, "1");
        String second = alice.pay(aliceUsd, bobUsd, "2");
        String carols = carol.pay(carolUsd, bobUsd, "3");

        log.clear();
        List<Map> entities = alice.api().documentName("transferEntities").variable("representations", List.of(
                        transfer(second), transfer(UUID.randomUUID().toString()), transfer(first), transfer("not-a-uuid"),
                        transfer(carols), transfer(second)))
                .execute().errors().verify().path("_entities").entityList(Map.class).get();

        assertThat(entities).hasSize(6);
        assertThat(entities.get(0)).containsEntry("id", second);
        assertThat(entities.get(1)).isNull();
        assertThat(entities.get(2)).containsEntry("id", first);
        assertThat(entities.get(3)).isNull();
        assertThat(entities.get(4)).isNull();
        assertThat(entities.get(5)).containsEntry("id", second);
        assertThat(log.containing("from transfer t")).singleElement().satisfies(sql -> assertThat(sql).contains("t.id = any("));
    }

    private static Map<String, Object> transfer(String id) {
        return Map.of("__typename", "Transfer", "id", id);
    }
}
