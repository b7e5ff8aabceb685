package com.ventusvault.ai.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.ventusvault.ai.AiApplication;
import com.ventusvault.platform.testing.StatementLog;
import com.ventusvault.platform.testing.TestTokens;
import io.r2dbc.spi.ConnectionFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(classes = AiApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=ai")
@Import(StatementLog.class)
class UserInsightsIntegrationTests {

    static final TestTokens tokens = TestTokens.start();

    @DynamicPropertySource
    static void verifyTokensAgainstTheTestIssuer(DynamicPropertyRegistry registry) {
        registry.add("ventus.auth.jwks-uri", tokens::jwksUri);
    }

    @AfterAll
    static void stopIssuer() {
        tokens.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    DatabaseClient database;

    @Autowired
    ConnectionFactory connectionFactory;

    @Autowired
    StatementLog log;

    @Test
    void runsOnTheEmbeddedPostgresInTheAiSchema() {
        String schema = database.sql("select current_schema()").map(row -> row.get(0, String.class)).one().block();
        assertThat(schema).isEqualTo("ai");
        assertThat(connectionFactory.getMetadata().getName()).isEqualTo("PostgreSQL");
    }

    @Test
    void computesInsightsFromTheWalletsInTheRepresentation() {
        UUID user = UUID.randomUUID();
        String usd = UUID.randomUUID().toString();
        String ngn = UUID.randomUUID().toString();

        GraphQlTester.Response response = as(user).documentName("userInsights")
                .variable("representations", List.of(userWith(user, wallet(usd, "USD", "100.00"),
                        wallet(ngn, "NGN", "0.00"))))
                .execute();

        response.errors().verify();
        response.path("_entities[0].id").entity(String.class).isEqualTo(user.toString());
        response.path("_entities[0].insights.fundedWallets").entity(Integer.class).isEqualTo(1);
        response.path("_entities[0].insights.balanceChanges[*].walletId").entityList(String.class)
                .containsExactly(usd, ngn);
        response.path("_entities[0].insights.balanceChanges[0].previous").valueIsNull();
        response.path("_entities[0].insights.balanceChanges[0].current").entity(String.class).isEqualTo("100.00");
        response.path("_entities[0].insights.summary").entity(String.class).satisfies(summary -> assertThat(summary)
                .startsWith("You hold 1 funded wallet.").contains("first check"));
        response.path("_entities[0].insights.computedAt").entity(String.class).satisfies(at -> assertThat(at).endsWith("Z"));
    }

    @Test
    void theSecondLookReportsBalanceChangesAgainstTheFirst() {
        UUID user = UUID.randomUUID();
        String usd = UUID.randomUUID().toString();
        String eur = UUID.randomUUID().toString();
        as(user).documentName("userInsights")
                .variable("representations", List.of(userWith(user, wallet(usd, "USD", "100.00"))))
                .execute().errors().verify();

        log.clear();
        GraphQlTester.Response second = as(user).documentName("userInsights")
                .variable("representations", List.of(userWith(user, wallet(usd, "USD", "74.50"),
                        wallet(eur, "EUR", "20.00"))))
                .execute();

        second.errors().verify();
        second.path("_entities[0].insights.fundedWallets").entity(Integer.class).isEqualTo(2);
        second.path("_entities[0].insights.balanceChanges[0].previous").entity(String.class).isEqualTo("100.00");
        second.path("_entities[0].insights.balanceChanges[0].current").entity(String.class).isEqualTo("74.50");
        second.path("_entities[0].insights.balanceChanges[1].previous").valueIsNull();
        second.path("_entities[0].insights.summary").entity(String.class).isEqualTo("You hold 2 funded wallets. "
                + "Your USD balance fell by 25.50 since your last check. Your new EUR wallet holds 20.00.");
        Long rows = database.sql("select count(*) from insight_snapshot where user_id = $1").bind(0, user)
                .map(row -> row.get(0, Long.class)).one().block();
        assertThat(rows).isEqualTo(2);
        // Both wallets' snapshot rows are written by one statement.
        assertThat(log.containing("insert into insight_snapshot")).singleElement()
                .satisfies(sql -> assertThat(sql).contains("unnest("));
    }

    @Test
    void aRepresentationWithMoreThanTwentyWalletsIsABadRequest() {
        UUID user = UUID.randomUUID();
        List<Map<String, Object>> wallets = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            wallets.add(wallet(UUID.randomUUID().toString(), "USD", "1.00"));
        }

        expectBadRequest(user, Map.of("__typename", "User", "id", user.toString(), "wallets", wallets), "at most 20");
    }

    @Test
    void walletIdsMustBeDistinctUuidsAndCurrenciesThreeToFiveCapitalLetters() {
        UUID user = UUID.randomUUID();
        String id = UUID.randomUUID().toString();

        expectBadRequest(user, userWith(user, wallet("w-1", "USD", "1.00")), "UUID");
        expectBadRequest(user, userWith(user, wallet("x".repeat(10_000), "USD", "1.00")), "UUID");
        expectBadRequest(user, userWith(user, wallet(id, "US", "1.00")), "3 to 5 capital letters");
        expectBadRequest(user, userWith(user, wallet(id, "USDOLLAR", "1.00")), "3 to 5 capital letters");
        expectBadRequest(user, userWith(user, wallet(id, "U$D", "1.00")), "3 to 5 capital letters");
        expectBadRequest(user, userWith(user, wallet(id, "USD", "1.00"), wallet(id, "USD", "2.00")), "repeats");
        Long rows = database.sql("select count(*) from insight_snapshot where user_id = $1").bind(0, user)
                .map(row -> row.get(0, Long.class)).one().block();
        assertThat(rows).isZero();
        as(user).documentName("userInsights")
                .variable("representations", List.of(userWith(user, wallet(id, "USDC", "1.00"))))
                .execute().errors().verify();
    }

    private void expectBadRequest(UUID user, Map<String, Object> representation, String message) {
        as(user).documentName("userInsights").variable("representations", List.of(representation)).execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).hasSize(1);
                    assertThat(errors.get(0).getExtensions()).containsEntry("code", "BAD_REQUEST")
                            .containsEntry("field", List.of("representations", "0"));
                    assertThat(errors.get(0).getMessage()).contains(message).hasSizeLessThan(300);
                });
    }

    @Test
    void anotherUsersInsightsAreForbidden() {
        UUID viewer = UUID.randomUUID();
        UUID someoneElse = UUID.randomUUID();

        as(viewer).documentName("userInsights")
                .variable("representations", List.of(userWith(someoneElse, wallet(UUID.randomUUID().toString(), "USD", "5.00"))))
                .execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).hasSize(1);
                    assertThat(errors.get(0).getExtensions()).containsEntry("code", "FORBIDDEN");
                    assertThat(errors.get(0).getPath()).isEqualTo("_entities[0].insights");
                })
                .path("_entities[0].id").entity(String.class).isEqualTo(someoneElse.toString())
                .path("_entities[0].insights").valueIsNull();
        Long rows = database.sql("select count(*) from insight_snapshot where user_id = $1").bind(0, someoneElse)
                .map(row -> row.get(0, Long.class)).one().block();
        assertThat(rows).isZero();
    }

    @Test
    void withoutATokenInsightsAreUnauthenticated() {
        UUID user = UUID.randomUUID();

        anonymous().documentName("userInsights")
                .variable("representations", List.of(userWith(user, wallet(UUID.randomUUID().toString(), "USD", "5.00"))))
                .execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).hasSize(1);
                    assertThat(errors.get(0).getExtensions()).containsEntry("code", "UNAUTHENTICATED");
                })
                .path("_entities[0].insights").valueIsNull();
    }

    @Test
    void aRepresentationWithoutTheRequiredWalletsIsABadRequest() {
        UUID user = UUID.randomUUID();

        as(user).documentName("userInsights")
                .variable("representations", List.of(Map.of("__typename", "User", "id", user.toString())))
                .execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).hasSize(1);
                    assertThat(errors.get(0).getExtensions()).containsEntry("code", "BAD_REQUEST");
                    assertThat(errors.get(0).getMessage()).contains("wallets");
                });
    }

    @Test
    void aFloatAmountInARepresentationIsABadRequest() {
        UUID user = UUID.randomUUID();
        Map<String, Object> wallet = Map.of("id", UUID.randomUUID().toString(), "currency", "USD", "balance", Map.of("amount", 12.5, "currency", "USD"));

        as(user).documentName("userInsights")
                .variable("representations", List.of(Map.of("__typename", "User", "id", user.toString(), "wallets", List.of(wallet))))
                .execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).hasSize(1);
                    assertThat(errors.get(0).getExtensions()).containsEntry("code", "BAD_REQUEST")
                            .containsEntry("field", List.of("representations", "0"));
                    assertThat(errors.get(0).getMessage()).contains("Decimal string");
                });
    }

    @Test
    void publishesTheAiSdlToTheGateway() {
        anonymous().documentName("serviceSdl").execute().path("_service.sdl").entity(String.class).satisfies(sdl ->
                assertThat(sdl).contains("union _Entity = User", "type User @key(fields : \"id\"", "wallets { id currency balance { amount currency } }",
                        "insights: Insights @"));
    }

    private HttpGraphQlTester anonymous() {
        return HttpGraphQlTester.create(WebTestClient.bindToServer().baseUrl("http://localhost:" + port + "/graphql").build());
    }

    private HttpGraphQlTester as(UUID user) {
        return anonymous().mutate().header("Authorization", "Bearer " + tokens.tokenFor(user, user + "@example.com")).build();
    }

    @SafeVarargs
    private static Map<String, Object> userWith(UUID user, Map<String, Object>... wallets) {
        return Map.of("__typename", "User", "id", user.toString(), "wallets", List.of(wallets));
    }

    private static Map<String, Object> wallet(String id, String currency, String amount) {
        return Map.of("id", id, "currency", currency, "balance", Map.of("amount", amount, "currency", currency));
    }
}
