package com.ventusvault.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.ventusvault.stack.GraphQlClient.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Ownership through the gateway (issue 5, point 3), where the public API reaches another user from a payment:
 * Bob paid Alice, so Bob sees Alice's wallet id and name on the transfer, but not its balance, her other wallets or her
 * insights (the gateway fetches her wallets from payments for ai's {@code @requires}, payments gives Bob none, and
 * ai refuses Bob anyway); a stranger sees no transfer; {@code _entities} is not part of the public API. The same
 * rules, tried on every entity type with each subgraph called directly, are in the subgraphs' ownership tests.
 */
@ExtendWith(RunningStack.class)
class OwnershipEndToEndIntegrationTests {

    private static final String PAYEE = """
            query Payee($id: ID!) {
              transfer(id: $id) { id to { id owner { displayName wallets { id } insights { fundedWallets summary } } } }
            }""";
    private static final String PAYEE_BALANCE = "query PayeeBalance($id: ID!) { transfer(id: $id) { to { balance { amount } } } }";

    private static ClientOperations client;
    private static GraphQlClient gateway;
    private static String alice;
    private static String bob;
    private static ClientOperations.Wallet aliceUsd;
    private static String transfer;

    @BeforeAll
    static void bobPaysAlice(Stack stack) {
        client = new ClientOperations(stack);
        gateway = client.gateway();
        alice = client.login("alice@example.com");
        bob = client.login("bob@example.com");
        String bobUsd = client.usdWallet(bob).id();
        Map<String, Object> input = Map.of("fromWalletId", bobUsd, "toWalletId", client.usdWallet(alice).id(),
                "amount", "1.00", "idempotencyKey", "owners-" + UUID.randomUUID(), "note", "ownership test");
        transfer = client.call("SendMoney", Map.of("input", input), bob).orThrow().data("sendMoney.transfer.id").asString();
        aliceUsd = client.usdWallet(alice);
    }

    @Test
    void thePayerSeesThePayeesNameButNotHerWalletsNorHerInsights() {
        Response response = gateway.execute(PAYEE, Map.of("id", transfer), bob);

        assertThat(response.data("transfer.to.id").asString()).isEqualTo(aliceUsd.id());
        assertThat(response.data("transfer.to.owner.displayName").asString()).isEqualTo("Alice Adeyemi");
        assertThat(response.data("transfer.to.owner.wallets").isEmpty()).as(response.body().toString()).isTrue();
        assertThat(response.data("transfer.to.owner.insights").isNull()).as(response.body().toString()).isTrue();
        assertThat(codes(response)).containsOnly("FORBIDDEN").isNotEmpty();
        // Alice herself gets all of it on her side of the same transfer.
        Response own = gateway.execute(PAYEE, Map.of("id", transfer), alice);
        assertThat(own.errors().isMissingNode() || own.errors().isEmpty()).as(own.body().toString()).isTrue();
        assertThat(own.data("transfer.to.owner.wallets")).isNotEmpty();
        assertThat(own.data("transfer.to.owner.insights.summary").asString()).isNotBlank();
    }

    @Test
    void thePayerCannotReadThePayeesBalance() {
        Response response = gateway.execute(PAYEE_BALANCE, Map.of("id", transfer), bob);

        assertThat(codes(response)).contains("FORBIDDEN").doesNotContain("INTERNAL");
        assertThat(response.data("transfer.to").isNull()).as(response.body().toString()).isTrue();
        assertThat(response.body().toString()).doesNotContain("\"" + aliceUsd.balance().toPlainString() + "\"");
    }

    @Test
    void aStrangerSeesNoTransfer() {
        String email = "stranger-" + UUID.randomUUID() + "@example.com";
        client.call("Register", Map.of("input", Map.of("email", email, "password", "correct horse battery",
                "displayName", "Stranger")), null).orThrow();
        String stranger = client.login(email, "correct horse battery");

        Response response = gateway.execute(PAYEE, Map.of("id", transfer), stranger);

        assertThat(response.data("transfer").isNull()).as(response.body().toString()).isTrue();
        assertThat(response.body().toString()).doesNotContain(aliceUsd.id());
    }

    @Test
    void entitiesAndTheSubgraphSdlAreNotPartOfThePublicApi() {
        String entities = "{ _entities(representations: [{__typename: \"Wallet\", id: \"" + aliceUsd.id() + "\"}]) "
                + "{ ... on Wallet { id } } }";
        for (String document : List.of(entities, "{ _service { sdl } }")) {
            Response response = gateway.execute(document, Map.of(), bob);
            assertThat(codes(response)).containsExactly("GRAPHQL_VALIDATION_FAILED");
            assertThat(response.body().toString()).doesNotContain("\"" + aliceUsd.balance().toPlainString() + "\"");
        }
    }

    @Test
    void bobsTokenRewrittenToSayAliceGetsNothingOfHers() {
        String aliceId = gateway.execute("{ me { id } }", Map.of(), alice).orThrow().data("me.id").asString();
        String bobId = gateway.execute("{ me { id } }", Map.of(), bob).orThrow().data("me.id").asString();
        String[] parts = bob.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(payload).contains(bobId);
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replace(bobId, aliceId).getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        Response response = gateway.execute("{ me { id email wallets { id balance { amount } } } }", Map.of(), forged);

        assertThat(codes(response)).isNotEmpty().containsOnly("UNAUTHENTICATED");
        assertThat(response.body().toString()).doesNotContain(aliceUsd.id(), "alice@example.com");
    }

    private static List<String> codes(Response response) {
        List<String> codes = new ArrayList<>();
        for (JsonNode error : response.errors()) {
            codes.add(error.path("extensions").path("code").asString());
        }
        return codes;
    }
}
