package com.ventusvault.payments.graphql;

import com.nimbusds.jose.jwk.RSAKey;
import com.ventusvault.payments.graphql.PaymentsTestServer.User;
import com.ventusvault.platform.testing.StatementLog;
import com.ventusvault.platform.testing.TokenAttack.Victim;
import com.ventusvault.platform.testing.TokenAttackContract;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/** Payments called directly with forged tokens for a user who has a funded wallet: nothing is answered. */
@PaymentsIntegrationTest
@Import({StatementLog.class, StaffTokens.Keys.class}) // the context EscrowEntitiesIntegrationTests and others share
class PaymentsTokenAttackIntegrationTests implements TokenAttackContract {

    @LocalServerPort
    int port;

    User victim;

    @BeforeEach
    void theVictimHasAFundedWallet() {
        victim = PaymentsTestServer.newUser(port);
        victim.deposit(victim.openWallet("USD"), "100");
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public RSAKey trustedKey() {
        return PaymentsTestServer.TOKENS.signingKey();
    }

    @Override
    public Victim victim() {
        return Victim.customer(victim.id(), victim.email());
    }

    @Override
    public Map<String, Object> victimRequest() {
        return Map.of("query", "query($r: [_Any!]!) { _entities(representations: $r) { ... on User { wallets { id "
                        + "balance { amount } } } } }",
                "variables", Map.of("r", List.of(Map.of("__typename", "User", "id", victim.id().toString()))));
    }

    @Override
    public String victimDataPath() {
        return "$.data._entities[0].wallets[0].balance.amount";
    }
}
