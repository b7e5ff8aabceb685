package com.ventusvault.ai.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import com.ventusvault.ai.AiApplication;
import com.ventusvault.platform.testing.TestTokens;
import com.ventusvault.platform.testing.TokenAttack;
import com.ventusvault.platform.testing.TokenAttack.Victim;
import com.ventusvault.platform.testing.TokenAttackContract;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Insights are their user's alone, whoever asks and however the representation is dressed, with ai called directly
 * (no gateway). The representation's {@code wallets} come from the caller's side, so a caller can forge them; what
 * that can reach is only the caller's own insights and snapshot: another user's insights are FORBIDDEN (staff
 * included: insights are made of balances, which payments shows to no one but the owner), and naming another user's
 * wallets in one's own representation reveals nothing of theirs. The victim has insights computed once before each
 * test, so there is something to steal. Forged tokens are refused outright (the shared {@link TokenAttackContract}).
 */
@SpringBootTest(classes = AiApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=ai")
class InsightsOwnershipIntegrationTests implements TokenAttackContract {

    static final TestTokens TOKENS = TestTokens.start();

    @DynamicPropertySource
    static void verifyTokensAgainstTheTestIssuer(DynamicPropertyRegistry registry) {
        registry.add("ventus.auth.jwks-uri", TOKENS::jwksUri);
    }

    @AfterAll
    static void stopIssuer() {
        TOKENS.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    DatabaseClient database;

    Victim victim;
    String victimWallet;

    @BeforeEach
    void theVictimHasLookedAtTheirInsights() {
        victim = Victim.customer(UUID.randomUUID(), "victim@example.com");
        victimWallet = UUID.randomUUID().toString();
        as(victim).documentName("userInsights")
                .variable("representations", List.of(userWith(victim.id().toString(), wallet(victimWallet, "1234.56"))))
                .execute().errors().verify();
    }

    @Test
    void aMixedBatchAnswersTheViewersOwnInsightsOnlyWhateverTheIdsSpelling() {
        Victim viewer = Victim.customer(UUID.randomUUID(), "viewer@example.com");
        String forged = UUID.randomUUID().toString();

        as(viewer).documentName("userInsights").variable("representations", List.of(
                        userWith(victim.id().toString(), wallet(forged, "1.00")),
                        userWith(viewer.id().toString().toUpperCase(Locale.ROOT), wallet(UUID.randomUUID().toString(), "2.00")),
                        userWith(" " + victim.id().toString().toUpperCase(Locale.ROOT) + " ", wallet(forged, "3.00"))))
                .execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).hasSize(2).allSatisfy(error ->
                            assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN"));
                    assertThat(errors).extracting(error -> error.getPath())
                            .containsExactlyInAnyOrder("_entities[0].insights", "_entities[2].insights");
                })
                .path("_entities[0].insights").valueIsNull()
                .path("_entities[1].insights.fundedWallets").entity(Integer.class).isEqualTo(1)
                .path("_entities[2].insights").valueIsNull();
        assertVictimsSnapshotUntouched();
    }

    @Test
    void staffGetNoInsightsOfOtherUsers() {
        for (String role : List.of("SUPPORT", "ADMIN")) {
            Victim staff = new Victim(UUID.randomUUID(), role.toLowerCase(Locale.ROOT) + "@ventusvault.local",
                    List.of("CUSTOMER", role));
            as(staff).documentName("userInsights")
                    .variable("representations", List.of(userWith(victim.id().toString(), wallet(victimWallet, "0.00"))))
                    .execute()
                    .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error ->
                            assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN")))
                    .path("_entities[0].insights").valueIsNull();
        }
        assertVictimsSnapshotUntouched();
    }

    @Test
    void anotherUsersWalletInOnesOwnRepresentationRevealsNothingOfTheirs() {
        Victim attacker = Victim.customer(UUID.randomUUID(), "attacker@example.com");

        as(attacker).documentName("userInsights")
                .variable("representations", List.of(userWith(attacker.id().toString(), wallet(victimWallet, "0.01"))))
                .execute().errors().verify()
                .path("_entities[0].insights.balanceChanges[0].walletId").entity(String.class).isEqualTo(victimWallet)
                .path("_entities[0].insights.balanceChanges[0].previous").valueIsNull()
                .path("_entities[0].insights.summary").entity(String.class)
                .satisfies(summary -> assertThat(summary).doesNotContain("1234.56"));
        assertVictimsSnapshotUntouched();
    }

    private void assertVictimsSnapshotUntouched() {
        List<Map<String, Object>> rows = database.sql("select wallet_id, balance from insight_snapshot where user_id = $1")
                .bind(0, victim.id()).fetch().all().collectList().block();
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.get("wallet_id")).isEqualTo(victimWallet);
            assertThat((BigDecimal) row.get("balance")).isEqualByComparingTo("1234.56");
        });
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
        return victim;
    }

    @Override
    public Map<String, Object> victimRequest() {
        return Map.of("query", "query($r: [_Any!]!) { _entities(representations: $r) { ... on User { insights { "
                        + "fundedWallets balanceChanges { walletId previous current } } } } }",
                "variables", Map.of("r", List.of(userWith(victim.id().toString(), wallet(victimWallet, "1234.56")))));
    }

    @Override
    public String victimDataPath() {
        return "$.data._entities[0].insights.balanceChanges[0].previous";
    }

    private HttpGraphQlTester as(Victim user) {
        return HttpGraphQlTester.create(WebTestClient.bindToServer().baseUrl("http://localhost:" + port + "/graphql")
                .responseTimeout(Duration.ofSeconds(30)).build()).mutate().header("Authorization",
                TokenAttack.GENUINE.authorizationHeader(TOKENS.signingKey(), user)).build();
    }

    private static Map<String, Object> userWith(String id, Map<String, Object> wallet) {
        return Map.of("__typename", "User", "id", id, "wallets", List.of(wallet));
    }

    private static Map<String, Object> wallet(String id, String amount) {
        return Map.of("id", id, "currency", "USD", "balance", Map.of("amount", amount, "currency", "USD"));
    }
}
