package com.ventusvault.markets.graphql;

import com.nimbusds.jose.jwk.RSAKey;
import com.ventusvault.markets.MarketsSubgraphTest;
import com.ventusvault.platform.testing.TestTokens;
import com.ventusvault.platform.testing.TokenAttack.Victim;
import com.ventusvault.platform.testing.TokenAttackContract;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Markets called directly with forged tokens. Rates are public (anonymous callers get them: see
 * {@link RateQueryIntegrationTests}), and a signed-in caller gets the same {@code Rate} entities; a refused token gets
 * nothing, not even rates, so a client learns its session is broken.
 */
@MarketsSubgraphTest
class MarketsTokenAttackIntegrationTests implements TokenAttackContract {

    static final TestTokens TOKENS = TestTokens.start();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void trustTheTestIssuer(DynamicPropertyRegistry registry) {
        registry.add("ventus.auth.jwks-uri", TOKENS::jwksUri);
    }

    @AfterAll
    static void stopIssuer() {
        TOKENS.close();
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public RSAKey trustedKey() {
        return TOKENS.signingKey();
    }

    @Override
    public Victim victim() {
        return Victim.customer(UUID.fromString("0b7e8f42-5c1d-4b8e-9f3a-2d6c7e8f9a01"), "victim@example.com");
    }

    @Override
    public Map<String, Object> victimRequest() {
        return Map.of("query", "query($r: [_Any!]!) { _entities(representations: $r) { ... on Rate { pair price } } }",
                "variables", Map.of("r", List.of(Map.of("__typename", "Rate", "pair", "BTC/USDT"))));
    }

    @Override
    public String victimDataPath() {
        return "$.data._entities[0].price";
    }
}
